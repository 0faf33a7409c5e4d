using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Grains.Stories;
using LiveNews.Stories.Tests.Fixtures;

namespace LiveNews.Grains.Tests.Stories;

/// <summary>
/// A merge is journalled like an assignment: both of its sides (the merged story leaving its shard, its
/// profile folded into the survivor's) are in the journal before the merge's calls answer, so index
/// shards that come back from a crash without their snapshots (here: their snapshot writes refused while
/// they deactivate) still know that the two stories are one.
/// </summary>
public class StoryIndexJournalMergeTests(IndexCrashClusterFixture fixture) : IClassFixture<IndexCrashClusterFixture>
{
    private static readonly DateTimeOffset T0 = new(2012, 10, 29, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Merge_ShardsLoseTheirSnapshots_TheJournalStillMakesTheStoriesOne()
    {
        var router = fixture.Client.GetGrain<IStoryRouterGrain>(0);
        var caribbean = Assert.Single(await router.IngestAsync(Version("jm", "bbc", "Hurricane Sandy batters Jamaica and Cuba", T0, SandyTexts.Caribbean)));
        var newYork = Assert.Single(await router.IngestAsync(Version("ny", "cnn", "Hurricane Sandy shuts New York subway", T0.AddHours(30), SandyTexts.NewYork)));
        var bridge = await router.IngestAsync(Version("wrap", "ap", "Hurricane Sandy: from Jamaica and Cuba to New York", T0.AddHours(31),
            SandyTexts.Caribbean + "\n\n" + SandyTexts.NewYork));
        var survivor = caribbean.StoryId!;
        var absorbed = newYork.StoryId!;
        Assert.Equal(StoryEventType.StoriesMerged, bridge[0].Type);
        Assert.Equal(survivor, bridge[0].StoryId);
        Assert.Equal([absorbed], bridge[0].Absorbed!.Value);

        // Both sides of the merge are journalled.
        var entries = fixture.Journal.Entries();
        var detach = Assert.Single(entries, e => e.Kind == StoryIndexJournalEntryKind.Detach);
        Assert.Equal((absorbed, survivor), (detach.StoryId, detach.Survivor));
        var absorb = Assert.Single(entries, e => e.Kind == StoryIndexJournalEntryKind.Absorb);
        Assert.Equal(survivor, absorb.StoryId);
        Assert.Equal(absorbed, absorb.Absorbed!.StoryId);
        Assert.Equal(1, absorb.Absorbed.Members);

        // The crash: every shard deactivates and none of their snapshots is stored.
        fixture.Storage.FailWrites("index", writesToPass: 0, writesToFail: int.MaxValue);
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, Ct);
        Assert.Contains("index: failed", fixture.Storage.Log);
        fixture.Storage.FailWrites("index", writesToPass: 0, writesToFail: 0);

        // Back from the journal alone: one story of three articles, the absorbed one gone from every shard.
        var shards = Enumerable.Range(0, IndexCrashClusterFixture.Shards).Select(s => fixture.Client.GetGrain<IStoryIndexGrain>(s)).ToList();
        var profiles = (await Task.WhenAll(shards.Select(s => s.GetProfilesAsync([survivor, absorbed])))).SelectMany(p => p.Value).ToList();
        var profile = Assert.Single(profiles);
        Assert.Equal(survivor, profile.StoryId);
        Assert.Equal(3, profile.Members);
        Assert.Equal(1, (await Task.WhenAll(shards.Select(s => s.CountAsync()))).Sum());

        // A later New York version goes to the survivor itself.
        var late = Assert.Single(await router.IngestAsync(Version("ny-late", "reuters", "Sandy: New York subway to reopen in part", T0.AddHours(40),
            SandyTexts.NewYork + "\n\nThe subway will reopen in part on Thursday, the governor said.")));
        Assert.Equal(survivor, late.StoryId);
        Assert.NotEqual(StoryEventType.StoryCreated, late.Type);
    }

    private static ArticleVersion Version(string id, string source, string title, DateTimeOffset published, string text) =>
        new() { Id = id, Source = source, Title = title, Published = published, Text = text };
}
