using System.Text.Json;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;
using LiveNews.Stories.Matching;

namespace LiveNews.Stories.Tests.Matching;

/// <summary>
/// Assignments described by <see cref="StoryMatcher.Commit(AnalysedArticle, string, bool, long?, out StoryAssignment?)"/>
/// and made again by <see cref="StoryMatcher.Replay"/> on a matcher restored from an older snapshot (an
/// index shard's journal after a crash).
/// </summary>
public class StoryMatcherJournalTests
{
    [Fact]
    public void Replay_OverAnOlderSnapshot_KnowsEveryArticleAndBuildsTheSameStories()
    {
        var analyzer = new ArticleAnalyzer();
        var analysed = CorpusReader.Read(LiveNews.Tests.Shared.Fixtures.Path("corpus", "stories-dev", "wikinews-dev.jsonl"))
            .Select(a => analyzer.Analyze(a)).ToList();
        var half = analysed.Count / 2;
        var original = new StoryMatcher();
        foreach (var article in analysed.Take(half))
        {
            original.Decide(article, StoryIds.ForOpeningArticle(article.Id));
        }

        var snapshot = JsonSerializer.Serialize(original.ToSnapshot());

        // The rest as a shard takes them: propose, then commit, journalling each assignment.
        var journal = new List<StoryAssignment>();
        foreach (var article in analysed.Skip(half))
        {
            var match = original.Propose(article);
            var opens = match.StoryId is null;
            Assert.Null(original.Commit(article, match.StoryId ?? StoryIds.ForOpeningArticle(article.Id), opens, opens ? original.Opened : null, out var assignment));
            journal.Add(Assert.IsType<StoryAssignment>(assignment));
        }

        Assert.Contains(journal, a => a.Opens);
        Assert.Contains(journal, a => !a.Opens);
        var restored = StoryMatcher.FromSnapshot(JsonSerializer.Deserialize<StoryMatcherSnapshot>(snapshot)!);
        foreach (var assignment in journal)
        {
            restored.Replay(assignment);
        }

        Assert.Equal(original.StoryCount, restored.StoryCount);
        Assert.Equal(original.Opened, restored.Opened);
        foreach (var article in analysed)
        {
            Assert.Equal(original.StoryOfArticle(article.Id), restored.StoryOfArticle(article.Id));
            var known = restored.Propose(article);
            Assert.True(known.Known, article.Id);
        }

        // Each story touched since the snapshot has the same centroid, members, age and time span.
        foreach (var storyId in journal.Select(a => a.StoryId).Distinct())
        {
            Assert.Equal(Describe(original.GetProfile(storyId)!), Describe(restored.GetProfile(storyId)!));
        }
    }

    /// <summary>A profile with its centroid in term order (term ids, and so dictionary order, differ between matchers).</summary>
    private static string Describe(StoryProfile profile) =>
        $"{profile.StoryId} {profile.Members} {profile.Ordinal} {profile.FirstPublished:O} {profile.LastPublished:O} "
        + string.Join(",", profile.Centroid.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={e.Value:R}"));

    [Fact]
    public void Replay_OfAStoryMergedAwayMeanwhile_KeepsOnlyWhereTheArticleWent()
    {
        var analyzer = new ArticleAnalyzer();
        var seeds = CorpusReader.Seeds().Select(s => analyzer.Analyze(s)).ToList();
        var matcher = new StoryMatcher();
        matcher.Decide(seeds[0], "s-first");
        Assert.NotNull(matcher.Detach("s-first", "s-elsewhere"));

        matcher.Replay(new StoryAssignment { ArticleId = "late", StoryId = "s-first", Terms = ["riyadh"], Weights = [1f] });

        Assert.Equal("s-elsewhere", matcher.StoryOfArticle("late"));
        Assert.Equal(0, matcher.StoryCount);
    }

    [Fact]
    public void Replay_OfAnOpening_OpensTheStoryWithItsAge_AndAFurtherPartNamesItsPage()
    {
        var matcher = new StoryMatcher();
        matcher.Replay(new StoryAssignment
        {
            ArticleId = "page#1",
            StoryId = "s-new",
            Opens = true,
            Ordinal = 41,
            Published = new DateTimeOffset(2025, 2, 18, 12, 0, 0, TimeSpan.Zero),
            Terms = ["riyadh", "@lavrov"],
            Weights = [0.6f, 0.8f],
        });

        var profile = Assert.IsType<StoryProfile>(matcher.GetProfile("s-new"));
        Assert.Equal(41, profile.Ordinal);
        Assert.Equal(1, profile.Members);
        Assert.Equal(0.8f, profile.Centroid["@lavrov"]);
        Assert.Equal(1, matcher.Opened);
        Assert.Equal("s-new", matcher.StoryOfArticle("page#1"));
        Assert.Equal("s-new", matcher.StoryOfArticle("page"));
    }

    [Fact]
    public void Commit_WithoutAJournal_DescribesNothing_AndAMergedStoryGivesNoAssignment()
    {
        var analyzer = new ArticleAnalyzer();
        var seeds = CorpusReader.Seeds().Select(s => analyzer.Analyze(s)).ToList();
        var matcher = new StoryMatcher();
        matcher.Decide(seeds[0], "s-first");
        matcher.Detach("s-first", "s-elsewhere");

        Assert.Equal("s-elsewhere", matcher.Commit(seeds[1], "s-first", opens: false, ordinal: null, out var assignment));
        Assert.Null(assignment);
    }
}
