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
    private const int Batch = 500;
    private StoryEngine _engine = null!;
    private List<ArticleInput> _articles = null!;
    private int _cursor;

    [Params(10_000)]
    public int LiveStories { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var stream = new SyntheticStream(seed: 42);
        var time = new DateTimeOffset(2025, 2, 18, 0, 0, 0, TimeSpan.Zero);
        _engine = new StoryEngine();
        var i = 0;
        while (_engine.StoryCount < LiveStories)
        {
            _engine.Process(stream.NextNewStory(time.AddSeconds(i++)));
        }

        // The measured stream: new stories and new versions of recent ones, as a live feed mixes them.
        var recent = new List<ArticleInput>();
        _articles = [];
        for (var k = 0; k < 20_000; k++)
        {
            var at = time.AddSeconds(i + k);
            if (recent.Count > 0 && k % 3 == 0)
            {
                _articles.Add(stream.NextVersion(recent[k % recent.Count], at));
            }
            else
            {
                var article = stream.NextNewStory(at);
                recent.Add(article);
                _articles.Add(article);
            }
        }
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
