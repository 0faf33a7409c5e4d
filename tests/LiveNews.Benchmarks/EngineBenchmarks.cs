using BenchmarkDotNet.Attributes;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;

namespace LiveNews.Benchmarks;

/// <summary>
/// The engine alone (analyse + match + novelty, no Orleans) on one core, with 10,000 live stories:
/// each operation processes one new article version.
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

    [GlobalSetup]
    public void Setup()
    {
        _engine = new StoryEngine();
        _articles = new SyntheticStream(seed: 42).FillThenMix(_engine, LiveStories, 20_000, new DateTimeOffset(2025, 2, 18, 0, 0, 0, TimeSpan.Zero));
    }

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
