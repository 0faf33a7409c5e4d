using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Grains.Stories;
using LiveNews.Stories.Tests;

namespace LiveNews.Grains.Tests.Stories;

/// <summary>A cluster whose index shards journal every assignment, in a journal both silos share.</summary>
public sealed class JournallingClusterFixture : ClusterFixture
{
    public InMemoryStoryIndexJournal Journal { get; } = new();

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.JournalEveryChange(Journal);
    }
}

/// <summary>
/// Commits that wait for their journal append interleave on the shard: with many versions at once every
/// assignment is in the journal before its version reaches its story, a stored snapshot trims the journal,
/// and every version sent again is a duplicate in its story, before and after the shards are
/// reactivated. (A crash that loses the snapshot, against Redis: IndexJournalCrashTests.)
/// </summary>
public class StoryIndexJournalTests(JournallingClusterFixture fixture) : IClassFixture<JournallingClusterFixture>
{
    [Fact]
    public async Task ManyVersionsAtOnce_WithTheJournal_KeepTheirStories_AcrossAReactivation()
    {
        var prefix = "journal-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var articles = CorpusReader.Read(LiveNews.Tests.Shared.Fixtures.Path("corpus", "stories-dev", "wikinews-dev.jsonl")).Take(60)
            .Select(a => StoryPipelineTests.ToVersion(a, prefix)).ToList();
        var router = fixture.Client.GetGrain<IStoryRouterGrain>(0);

        var first = (await Task.WhenAll(articles.Select(a => router.IngestAsync(a)))).SelectMany(r => r).ToList();
        var storyOf = first.Where(e => e.ArticleId is not null && e.Type != StoryEventType.Duplicate && e.Type != StoryEventType.StoriesMerged)
            .GroupBy(e => e.ArticleId!).ToDictionary(g => g.Key, g => g.Last().StoryId);
        Assert.True(storyOf.Count >= articles.Count);
        Assert.True(storyOf.Values.Distinct().Count() < storyOf.Count, "some articles joined stories");

        // Each article's assignment is journalled, to the story its version went to (or one merged into it since).
        var journalled = fixture.Journal.Entries().Where(e => e.ArticleId.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        var merged = first.Where(e => e.Type == StoryEventType.StoriesMerged).SelectMany(e => e.Absorbed ?? []).ToHashSet();
        foreach (var (articleId, storyId) in storyOf)
        {
            Assert.Contains(journalled, e => e.ArticleId == articleId && (e.StoryId == storyId || merged.Contains(e.StoryId)));
        }

        Assert.All(journalled, e => Assert.NotEmpty(e.Terms));
        await AssertDuplicatesAsync(router, articles);

        // A stored snapshot holds it all: the journal lets go of it.
        var shards = Enumerable.Range(0, new LiveNews.Stories.StoryEngineOptions().IndexShards).Select(s => fixture.Client.GetGrain<IStoryIndexGrain>(s));
        await Task.WhenAll(shards.Select(s => s.SaveAsync()));
        Assert.Empty(fixture.Journal.Entries());
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);
        await AssertDuplicatesAsync(router, articles);
    }

    private static async Task AssertDuplicatesAsync(IStoryRouterGrain router, List<ArticleVersion> articles)
    {
        var again = (await Task.WhenAll(articles.Select(a => router.IngestAsync(a)))).SelectMany(r => r).ToList();
        Assert.All(again.Where(e => e.ArticleId is not null), e => Assert.Equal(StoryEventType.Duplicate, e.Type));
    }
}
