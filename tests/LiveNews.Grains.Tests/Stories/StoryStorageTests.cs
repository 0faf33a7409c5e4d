using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Grains.Stories;
using LiveNews.Stories.Engine;
using LiveNews.Stories.Facts;
using LiveNews.Stories.Tests;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;

namespace LiveNews.Grains.Tests.Stories;

/// <summary>A story grain read back from storage is the story it was: facts, entities, versions.</summary>
[Collection(ClusterCollection.Name)]
public class StoryStorageTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Story_Reactivated_KeepsFactsEntitiesAndVersions()
    {
        var prefix = "stored-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var router = fixture.Client.GetGrain<IStoryRouterGrain>(0);
        var seeds = CorpusReader.Seeds().ToDictionary(s => s.Id);
        var opened = Assert.Single(await router.IngestAsync(StoryPipelineTests.ToVersion(seeds["004"], prefix)));
        await router.IngestAsync(StoryPipelineTests.ToVersion(seeds["000"], prefix));
        var story = fixture.Client.GetGrain<IStoryClusterGrain>(opened.StoryId!);
        var before = (await story.GetSnapshotAsync())!;

        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, TestContext.Current.CancellationToken);

        var after = (await story.GetSnapshotAsync())!;
        Assert.NotEmpty(before.Summary.Entities);
        Assert.Equal(before.Summary.Entities, after.Summary.Entities);
        Assert.Equal(before.Facts.Select(f => (f.Text, f.Url, f.ArticleId)), after.Facts.Select(f => (f.Text, f.Url, f.ArticleId)));
        Assert.Equal(before.Versions.Select(v => (v.Title, v.Url)), after.Versions.Select(v => (v.Title, v.Url)));

        // What it knew before it was stored is no news after: the same text under another id brings nothing.
        var again = Assert.Single(await router.IngestAsync(StoryPipelineTests.ToVersion(seeds["000"] with { Id = "000-again" }, prefix)));
        Assert.Equal(opened.StoryId, again.StoryId);
        Assert.Equal(StoryEventType.VersionAttached, again.Type);
        Assert.Empty(again.NewFacts);
    }

    [Fact]
    public void StoryState_ThroughTheSilosStorageSerializer_KeepsFingerprintsQuotesAndEntities()
    {
        var engine = new StoryEngine();
        var storyId = engine.Process(CorpusReader.Seeds()[0])[0].StoryId;
        var story = engine.GetStory(storyId)!;
        story.Facts.Add(new KnownFact { Text = "\"We will not recognise it,\" he said.", QuoteKey = FactFeatures.Quote("We will not recognise it"), Features = [1, 5, 9] });
        var serializer = fixture.Cluster.Silos.OfType<InProcessSiloHandle>().First().SiloHost.Services.GetRequiredService<IGrainStorageSerializer>();

        var restored = serializer.Deserialize<StoryClusterGrainState>(serializer.Serialize(new StoryClusterGrainState { Story = story }))!.Story;

        Assert.Equal(story.Facts.Select(f => (f.Text, f.QuoteKey)), restored.Facts.Select(f => (f.Text, f.QuoteKey)));
        Assert.Equal(story.Facts.Select(f => f.Features), restored.Facts.Select(f => f.Features));
        Assert.Equal(story.TopEntityNames(50), restored.TopEntityNames(50));
        Assert.Equal(story.Entities, restored.Entities);
    }
}
