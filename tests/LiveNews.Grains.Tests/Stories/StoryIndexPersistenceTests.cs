using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Grains.Stories;
using LiveNews.Stories.Tests;

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
