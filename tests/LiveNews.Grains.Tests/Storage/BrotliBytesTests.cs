using LiveNews.Grains.Storage;

namespace LiveNews.Grains.Tests.Storage;

public class BrotliBytesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3_000)]
    [InlineData(100_000)]
    [InlineData(5_000_000)]
    public void Compress_ThenDecompress_GivesTheBytesBack_AfterThePrefix(int length)
    {
        // Text-like bytes: words from a small vocabulary, as stored states are.
        var random = new Random(length);
        var words = new[] { "story", "Zelensky", "postponed", "visit", "Riyadh", "talks", "12", "\"" };
        var plain = System.Text.Encoding.UTF8.GetBytes(string.Join(' ', Enumerable.Range(0, (length / 6) + 1).Select(_ => words[random.Next(words.Length)])))[..length];

        var packed = BrotliBytes.Compress(plain, "MARK"u8);

        Assert.Equal("MARK"u8.ToArray(), packed[..4]);
        Assert.Equal(plain, BrotliBytes.Decompress(packed.AsMemory(4), maxBytes: length + 1).ToArray());
        if (length >= 3_000)
        {
            Assert.True(packed.Length < length / 2, $"{packed.Length} bytes for {length}");
        }
    }

    [Fact]
    public void Decompress_BeyondTheBound_IsRefused()
    {
        var packed = BrotliBytes.Compress(new byte[100_000]);
        Assert.Throws<InvalidDataException>(() => BrotliBytes.Decompress(packed, maxBytes: 50_000));
    }
}
