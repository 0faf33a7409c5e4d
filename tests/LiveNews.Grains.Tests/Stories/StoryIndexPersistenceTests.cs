using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Grains.Stories;
using LiveNews.Stories;
using LiveNews.Stories.Tests;
using Orleans.Core.Internal;

namespace LiveNews.Grains.Tests.Stories;

/// <summary>The term index survives its grain's deactivation: later versions still join their stories.</summary>
[Collection(ClusterCollection.Name)]
public class StoryIndexPersistenceTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Index_Reactivated_CarriesOnWithTheSameStories()
    {
        var prefix = "index-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var seeds = CorpusReader.Seeds();
        var router = fixture.Client.GetGrain<IStoryRouterGrain>(0);
        // (Other tests of this cluster may have told the same story already: it then joins theirs.)
        var opened = (await router.IngestAsync(StoryPipelineTests.ToVersion(seeds[0], prefix)))[0];
        Assert.NotNull(opened.StoryId);

        var index = fixture.Client.GetGrain<IStoryIndexGrain>(0);
        var stories = await index.CountAsync();
        await index.SaveAsync();
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);

        // A new activation, restored from the snapshot.
        Assert.Equal(stories, await index.CountAsync());
        var joined = (await router.IngestAsync(StoryPipelineTests.ToVersion(seeds[1], prefix)))[0];
        Assert.Equal(opened.StoryId, joined.StoryId);
        Assert.NotEqual(StoryEventType.StoryCreated, joined.Type);

        // The same version again is a duplicate of its story.
        var again = (await router.IngestAsync(StoryPipelineTests.ToVersion(seeds[1], prefix)))[0];
        Assert.Equal(StoryEventType.Duplicate, again.Type);
        Assert.Equal(opened.StoryId, again.StoryId);
    }

    [Fact]
    public async Task Index_InMemoryStorage_WritesItsSnapshotWhenDeactivated()
    {
        // In-memory storage goes down with the silo, so a shard there writes no snapshots as it goes: its
        // deactivation writes one. A story of made-up words is new to every shard, so a shard restored from an
        // older snapshot would not count it.
        var words = MadeUpWords.From(Guid.NewGuid().ToString(), 12);
        var article = new ArticleVersion
        {
            Id = "index3-" + words[0],
            Source = "wire",
            Title = $"{words[0]} {words[1]} {words[2]} {words[3]}",
            Text = $"The {string.Join(' ', words[4..8])} said. {string.Join(' ', words[8..])} agreed.",
            Published = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
        };
        var router = fixture.Client.GetGrain<IStoryRouterGrain>(0);
        var shards = Enumerable.Range(0, ShardedStoryIndex.ShardCount(new StoryEngineOptions())).Select(s => fixture.Client.GetGrain<IStoryIndexGrain>(s)).ToList();
        var before = await Task.WhenAll(shards.Select(s => s.CountAsync()));
        var opened = (await router.IngestAsync(article))[0];
        Assert.Equal(StoryEventType.StoryCreated, opened.Type);
        var counts = await Task.WhenAll(shards.Select(s => s.CountAsync()));
        Assert.Equal(before.Sum() + 1, counts.Sum());

        foreach (var shard in shards)
        {
            await shard.AsReference<IGrainManagementExtension>().DeactivateOnIdle(TestContext.Current.CancellationToken);
        }

        Assert.Equal(counts, await Task.WhenAll(shards.Select(s => s.CountAsync())));
        var again = (await router.IngestAsync(article))[0];
        Assert.Equal(StoryEventType.Duplicate, again.Type);
        Assert.Equal(opened.StoryId, again.StoryId);
    }

    [Fact]
    public async Task Index_ReactivatedTwice_KeepsItsSnapshotWhetherOrNotItChanged()
    {
        // The shard lets go of its copy of the snapshot once stored or loaded: storage must still hold one
        // after a deactivation with nothing new (no write) and after one with news (a fresh write).
        var prefix = "index2-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var seeds = CorpusReader.Seeds();
        var router = fixture.Client.GetGrain<IStoryRouterGrain>(0);
        var opened = (await router.IngestAsync(StoryPipelineTests.ToVersion(seeds[0], prefix)))[0];
        var index = fixture.Client.GetGrain<IStoryIndexGrain>(0);
        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        var stories = await index.CountAsync();
        await index.SaveAsync();
        await management.ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);

        Assert.Equal(stories, await index.CountAsync());
        await management.ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);
        Assert.Equal(stories, await index.CountAsync());

        var joined = (await router.IngestAsync(StoryPipelineTests.ToVersion(seeds[1], prefix)))[0];
        Assert.Equal(opened.StoryId, joined.StoryId);
        await index.SaveAsync();
        await management.ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);
        var again = (await router.IngestAsync(StoryPipelineTests.ToVersion(seeds[1], prefix)))[0];
        Assert.Equal(StoryEventType.Duplicate, again.Type);
        Assert.Equal(opened.StoryId, again.StoryId);
    }
}
