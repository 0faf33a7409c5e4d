using System.Globalization;
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
    private (long Methods, TimeSpan Time) _compiled;
    private readonly List<string> _compiledPerIteration = [];

    [Params(10_000)]
    public int LiveStories { get; set; }

    [Params(HugePageMode.Off, HugePageMode.Collapse)]
    public HugePageMode HugePages { get; set; }

    /// <summary>
    /// A server's engine after it has run for a while: the JIT's work done on a throwaway engine first
    /// (<see cref="SteadyState"/>), then the measured engine filled.
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        SteadyState.WarmUp();
        _engine = new StoryEngine();
        _articles = new SyntheticStream(seed: 42).FillThenMix(_engine, LiveStories, 20_000, new DateTimeOffset(2025, 2, 18, 0, 0, 0, TimeSpan.Zero));
    }

    /// <summary>
    /// Says in the log what the JIT still compiled in each iteration (BenchmarkDotNet's jitting and warm-up
    /// iterations, then the measured ones: the last eight).
    /// </summary>
    [GlobalCleanup]
    public void Report() => Console.WriteLine("// methods compiled in each iteration: " + string.Join(' ', _compiledPerIteration));

    /// <summary>
    /// As the server does every minute with Collapse, before every iteration (the first included, so after
    /// the fill): what the fill or the last batch committed is rebuilt out of huge pages too (not timed).
    /// </summary>
    [IterationSetup]
    public void RebuildPages()
    {
        ManagedHeapPages.Apply(HugePages);
        _compiled = SteadyState.Now();
    }

    [IterationCleanup]
    public void CountCompiled() =>
        _compiledPerIteration.Add(string.Create(CultureInfo.InvariantCulture, $"{SteadyState.Now().Methods - _compiled.Methods}"));

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
