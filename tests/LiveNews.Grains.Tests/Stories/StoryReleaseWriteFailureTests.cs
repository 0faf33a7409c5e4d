using System.Collections.Concurrent;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Tests.Shared;

namespace LiveNews.Grains.Tests.Stories;

/// <summary>A story whose release could not write its emptied outbox keeps its state, tries again, and publishes nothing twice.</summary>
public class StoryReleaseWriteFailureTests(FaultyStorageClusterFixture fixture) : IClassFixture<FaultyStorageClusterFixture>
{
    /// <summary>What became of the story grains' writes (the catalog's and the reads are left out).</summary>
    private string[] StoryWrites() => [.. fixture.Storage.Log.Where(line => line is "story: written" or "story: failed")];

    [Fact]
    public async Task Release_WriteFails_KeepsTheStateAndTriesAgain_SoNothingIsPublishedTwice()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var prefix = "failrel-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var received = new ConcurrentQueue<StoryEvent>();
        var subscription = await StoryPipelineTests.CollectAsync(fixture.Client, prefix, received);
        var router = fixture.Client.GetGrain<IStoryRouterGrain>(0);
        // Words of its own: on this cluster other tests tell other stories.
        var version = MadeUpWords.Article(prefix);

        // The version's write goes through; the release's write of the emptied outbox fails once.
        fixture.Storage.FailWrites("story", writesToPass: 1, writesToFail: 1);
        var opened = Assert.Single(await router.IngestAsync(version));
        Assert.Equal(StoryEventType.StoryCreated, opened.Type);
        var storyId = opened.StoryId!;

        // The failed release kept the state and its timer tried again: the second write let it go.
        await Eventually.TrueAsync(() => fixture.StoryLog.Contains($"Story {storyId} was quiet: let go of its state"), "the story to let go of its state", cancellationToken: cancellation);
        Assert.Equal(["story: written", "story: failed", "story: written"], StoryWrites());

        // Leaving memory writes nothing more, and the next activation publishes only the new version's event.
        await StoryReleaseSilo.LeaveMemoryAsync(fixture.Client, received, fixture.StoryLog, storyId, cancellation);
        Assert.Equal(3, StoryWrites().Length);
        var again = Assert.Single(await router.IngestAsync(version));
        Assert.Equal(StoryEventType.Duplicate, again.Type);
        await Eventually.TrueAsync(() => received.Count >= 2, "both events on the stream", cancellationToken: cancellation);
        Assert.Equal([(StoryEventType.StoryCreated, 1L), (StoryEventType.Duplicate, 2L)], received.Select(e => (e.Type, e.Sequence)));
        await subscription.UnsubscribeAsync();
    }
}
