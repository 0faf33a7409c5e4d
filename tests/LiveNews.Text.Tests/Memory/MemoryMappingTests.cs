using LiveNews.Text.Memory;

namespace LiveNews.Text.Tests.Memory;

public class MemoryMappingTests
{
    [Fact]
    public void Parse_ReadsAnAnonymousCommittedRange()
    {
        var mapping = MemoryMapping.Parse("7f0eddc00000-7f0edde00000 rw-p 00000000 00:00 0 ");

        Assert.Equal(new MemoryMapping(0x7f0eddc00000, 0x7f0edde00000, Writable: true, Anonymous: true), mapping);
        Assert.Equal(2 << 20, mapping!.Value.Length);
    }

    [Fact]
    public void Parse_ReservedRange_IsNotWritable()
    {
        var mapping = MemoryMapping.Parse("7f0eddc31000-7f1aa0000000 ---p 00000000 00:00 0");

        Assert.False(mapping!.Value.Writable);
        Assert.True(mapping.Value.Anonymous);
    }

    [Theory]
    [InlineData("7f1ab5b20000-7f1ab5b40000 r-xp 00000000 08:01 1234 /usr/lib/libc.so.6")]
    [InlineData("7ffc1a2e0000-7ffc1a301000 rw-p 00000000 00:00 0 [stack]")]
    [InlineData("55d0c8a00000-55d0c8a21000 rw-p 00000000 00:00 0        [heap]")]
    public void Parse_FilesAndNamedRanges_AreNotAnonymous(string line) =>
        Assert.False(MemoryMapping.Parse(line)!.Value.Anonymous);

    [Theory]
    [InlineData("")]
    [InlineData("not a mapping")]
    [InlineData("zz-10 rw-p 00000000 00:00 0")]
    [InlineData("2000-1000 rw-p 00000000 00:00 0")]
    [InlineData("1000-2000 rw")]
    public void Parse_Garbage_IsNull(string line) => Assert.Null(MemoryMapping.Parse(line));
}
