using LiveNews.Text.Collections;

namespace LiveNews.Text.Tests.Collections;

/// <summary>Prefetching is only a hint: it must leave what it touches as it was, whatever it is given.</summary>
public class PrefetcherTests
{
    [Fact]
    public void PrefetchElements_ToleratesAnyArray_AndChangesNothing()
    {
        int[] small = [1, 2, 3];
        var large = Enumerable.Range(0, 10_000).Select(i => (float)i).ToArray();

        Prefetcher.PrefetchElements<int>(null, 4);
        Prefetcher.PrefetchElements(Array.Empty<int>(), 4);
        Prefetcher.PrefetchElements(small, 4);
        Prefetcher.PrefetchElements(small, 0);
        Prefetcher.PrefetchElements(large, 4);
        Prefetcher.PrefetchElements(large, int.MaxValue);

        Assert.Equal([1, 2, 3], small);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => (float)i), large);
    }
}
