using BenchmarkDotNet.Attributes;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Matching;

namespace LiveNews.Benchmarks;

/// <summary>
/// The cost of finding and scoring an article's candidate stories as the number of live stories grows:
/// the inverted index is capped per term, so it must stay flat from 1,000 to 100,000.
/// </summary>
public class MatchingBenchmarks
{
    private StoryMatcher _matcher = null!;
    private List<(AnalysedArticle Article, TermVector Vector)> _probes = null!;
    private int _cursor;

    [Params(1_000, 10_000, 100_000)]
    public int LiveStories { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var stream = new SyntheticStream(seed: 7);
        var analyzer = new ArticleAnalyzer();
        var time = new DateTimeOffset(2025, 2, 18, 0, 0, 0, TimeSpan.Zero);
        var pool = Enumerable.Range(0, 2_000).Select(i => analyzer.Analyze(stream.NextNewStory(time))).ToList();
        _matcher = new StoryMatcher();
        var vectors = pool.Select(a => _matcher.Vectorize(a)).ToList();
        for (var i = 0; i < LiveStories; i++)
        {
            var k = i % pool.Count;
            _matcher.Assign("story-" + i, pool[k] with { Id = "a-" + i }, vectors[k]);
        }

        _probes = Enumerable.Range(0, 500)
            .Select(_ => analyzer.Analyze(stream.NextNewStory(time)))
            .Select(a => (a, _matcher.Vectorize(a, learn: false)))
            .ToList();
    }

    [Benchmark]
    public StoryMatch Match()
    {
        var (article, vector) = _probes[_cursor++ % _probes.Count];
        return _matcher.Match(article, vector);
    }
}
