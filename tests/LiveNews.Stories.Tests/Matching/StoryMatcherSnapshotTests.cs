using System.Text.Json;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;
using LiveNews.Stories.Matching;

namespace LiveNews.Stories.Tests.Matching;

public class StoryMatcherSnapshotTests
{
    [Fact]
    public void FromSnapshot_CarriesOnExactlyAsTheOriginal()
    {
        var articles = CorpusReader.Read(LiveNews.Tests.Shared.Fixtures.Path("corpus", "stories-dev", "wikinews-dev.jsonl"));
        var analyzer = new ArticleAnalyzer();
        var analysed = articles.Select(a => analyzer.Analyze(a)).ToList();
        var half = analysed.Count / 2;

        var original = new StoryMatcher();
        foreach (var article in analysed.Take(half))
        {
            original.Decide(article, "s-" + article.Id);
        }

        // Through JSON, as grain storage keeps it.
        var json = JsonSerializer.Serialize(original.ToSnapshot());
        var restored = StoryMatcher.FromSnapshot(JsonSerializer.Deserialize<StoryMatcherSnapshot>(json)!);

        Assert.Equal(original.StoryCount, restored.StoryCount);
        Assert.Equal(original.Statistics.Documents, restored.Statistics.Documents);
        Assert.Equal(original.StoryOfArticle(analysed[0].Id), restored.StoryOfArticle(analysed[0].Id));

        var differences = 0;
        foreach (var article in analysed.Skip(half))
        {
            var a = original.Decide(article, "s-" + article.Id);
            var b = restored.Decide(article, "s-" + article.Id);
            if (a.StoryId != b.StoryId || a.Opens != b.Opens || !a.Absorbed.SequenceEqual(b.Absorbed))
            {
                differences++;
            }
        }

        Assert.Equal(0, differences);
        Assert.Equal(original.StoryCount, restored.StoryCount);
    }

    [Fact]
    public void Snapshot_IsACopy_TheMatcherGoesOnWithoutChangingIt()
    {
        var analyzer = new ArticleAnalyzer();
        var seeds = CorpusReader.Seeds().Select(s => analyzer.Analyze(s)).ToList();
        var matcher = new StoryMatcher();
        matcher.Decide(seeds[0], "s-first");
        var snapshot = matcher.ToSnapshot();
        var members = snapshot.Stories[0].Members;

        matcher.Decide(seeds[1], "s-second");

        Assert.Equal(members, snapshot.Stories[0].Members);
        Assert.Single(snapshot.StoryOfArticle.Keys, k => !k.Contains('#', StringComparison.Ordinal));
    }

    [Fact]
    public void Capture_BecomesTheSnapshotOfItsMoment_EvenAfterTheMatcherWentOn()
    {
        var analyzer = new ArticleAnalyzer();
        var articles = CorpusReader.Read(LiveNews.Tests.Shared.Fixtures.Path("corpus", "stories-dev", "ecbplus-dev.jsonl"))
            .Select(a => analyzer.Analyze(a)).ToList();
        var matcher = new StoryMatcher();
        foreach (var article in articles.Take(100))
        {
            matcher.Decide(article, StoryIds.ForOpeningArticle(article.Id));
        }

        var expected = JsonSerializer.Serialize(matcher.ToSnapshot());
        var capture = matcher.Capture();

        // The matcher goes on: stories grow, new terms and stories appear, merges happen.
        foreach (var article in articles.Skip(100))
        {
            matcher.Decide(article, StoryIds.ForOpeningArticle(article.Id));
        }

        Assert.Equal(expected, JsonSerializer.Serialize(capture.ToSnapshot()));
        Assert.NotEqual(expected, JsonSerializer.Serialize(matcher.ToSnapshot()));
    }
}
