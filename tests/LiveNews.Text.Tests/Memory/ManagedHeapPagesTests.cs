using LiveNews.Text.Memory;

namespace LiveNews.Text.Tests.Memory;

public class ManagedHeapPagesTests
{
    private const long MiB = 1 << 20;

    // A file, then the runtime's heap (committed pieces inside a reservation), a gap, then a thread's stack.
    private const string Maps = """
        00400000-00500000 r-xp 00000000 08:01 42 /usr/bin/dotnet
        10000000-10200000 rw-p 00000000 00:00 0
        10200000-10600000 rw-p 00000000 00:00 0
        10600000-20000000 ---p 00000000 00:00 0
        20000000-20100000 r--p 00000000 08:01 43 /usr/lib/libcoreclr.so
        30000000-30400000 rw-p 00000000 00:00 0
        7ffc00000000-7ffc00021000 rw-p 00000000 00:00 0 [stack]
        """;

    [Fact]
    public void HeapMappings_AreTheAdjacentAnonymousRangesAroundTheHeapAddress()
    {
        var heap = ManagedHeapPages.HeapMappings(Maps, heapAddress: 0x10300000, reach: long.MaxValue);

        Assert.Equal([0x10000000L, 0x10200000L, 0x10600000L], heap.Select(m => m.Start));
        Assert.Equal(0x20000000L, heap[^1].End);
    }

    [Fact]
    public void HeapMappings_StopAtTheReach()
    {
        // The reservation beyond 16 MiB of the heap address's piece is left alone.
        var heap = ManagedHeapPages.HeapMappings(Maps, heapAddress: 0x10300000, reach: 16 * MiB);

        Assert.Equal([0x10000000L, 0x10200000L], heap.Select(m => m.Start));
    }

    [Theory]
    [InlineData(0x00450000L)] // inside a file
    [InlineData(0x28000000L)] // in no mapping
    public void HeapMappings_AnAddressOutsideAnonymousMemory_FindsNothing(long address) =>
        Assert.Empty(ManagedHeapPages.HeapMappings(Maps, address, long.MaxValue));

    [Fact]
    public void HugePageSpan_IsTheWhole2MiBPagesInside()
    {
        Assert.Equal((2 * MiB, 6 * MiB), ManagedHeapPages.HugePageSpan(new MemoryMapping(MiB, 7 * MiB, true, true)));

        var (from, to) = ManagedHeapPages.HugePageSpan(new MemoryMapping(MiB, 3 * MiB, true, true));
        Assert.True(to <= from);
    }

    [Fact]
    public void Apply_Off_DoesNothing()
    {
        var report = ManagedHeapPages.Apply(HugePageMode.Off);

        Assert.Equal(0, report.AdvisedBytes);
        Assert.Equal(0, report.CollapsedBytes);
        Assert.Null(report.Problem);
    }

    [Fact]
    public void Apply_Collapse_PutsTheCommittedHeapInHugePages()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "huge pages are asked for on Linux only");

        // Some heap to rebuild: a few megabytes that stay reachable.
        var ballast = Enumerable.Range(0, 64).Select(_ => new byte[256 * 1024]).ToList();
        var report = ManagedHeapPages.Apply(HugePageMode.Collapse);

        // The system may refuse (huge pages off, a kernel before 6.1, none free): said, and nothing breaks.
        Assert.SkipWhen(report.Problem is not null, report.Problem ?? "");
        Assert.True(report.AdvisedBytes >= ballast.Count * 256L * 1024, $"advised {report.AdvisedBytes} bytes");
        Assert.True(report.CollapsedBytes > 0, "nothing rebuilt");
        Assert.True(report.HugePageBytes >= 2 * MiB, $"{report.HugePageBytes} bytes in huge pages");
        GC.KeepAlive(ballast);
    }
}
