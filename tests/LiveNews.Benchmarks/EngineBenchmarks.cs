using BenchmarkDotNet.Attributes;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;
using LiveNews.Text.Memory;

namespace LiveNews.Benchmarks;

/// <summary>
/// The engine alone (analyse + match + novelty, no Orleans) on one core, with 10,000 live stories:
/// each operation processes one new article version. Run with the managed heap in 4 KiB pages and
/// in huge pages (LiveNews:Runtime:HugePages=Collapse, <see cref="ManagedHeapPages"/>), each in its own process.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private const int Batch = 1_000;
    private StoryEngine _engine = null!;
    private List<ArticleInput> _articles = null!;
    private int _cursor;

    [Params(10_000)]
    public int LiveStories { get; set; }

    [Params(HugePageMode.Off, HugePageMode.Collapse)]
    public HugePageMode HugePages { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _engine = new StoryEngine();
        _articles = new SyntheticStream(seed: 42).FillThenMix(_engine, LiveStories, 20_000, new DateTimeOffset(2025, 2, 18, 0, 0, 0, TimeSpan.Zero));
    }

    /// <summary>
    /// As the server does every minute with Collapse, before every iteration (the first included, so after
    /// the fill): what the fill or the last batch committed is rebuilt out of huge pages too (not timed).
    /// </summary>
    [IterationSetup]
    public void RebuildPages() => ManagedHeapPages.Apply(HugePages);

    [Benchmark(OperationsPerInvoke = Batch)]
    public int ProcessArticleVersion()
    {
        var events = 0;
        for (var i = 0; i < Batch; i++)
        {
            events += _engine.Process(_articles[_cursor++ % _articles.Count]).Count;
        }

        return events;
    }
}
