using System.Collections.Concurrent;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Stories.Tests;

namespace LiveNews.Grains.Tests.Stories;

/// <summary>
/// The reference scenario through the grains, on a cluster of its own: on the shared cluster other tests tell the
/// same story first, and its first version would then join their story instead of opening one.
/// </summary>
public class StoryPipelineScenarioTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    [Fact]
    public async Task Ingest_SeedVersionsFormOneStoryAndReachTheStream()
    {
        var prefix = "pipeline-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var received = new ConcurrentQueue<StoryEvent>();
        var subscription = await StoryPipelineTests.CollectAsync(fixture.Client, prefix, received);

        var router = fixture.Client.GetGrain<IStoryRouterGrain>(0);
        var events = new List<StoryEvent>();
        foreach (var seed in CorpusReader.Seeds())
        {
            events.AddRange(await router.IngestAsync(StoryPipelineTests.ToVersion(seed, prefix)));
        }

        // Five versions of the Riyadh story, plus the two other articles printed on page 003.
        Assert.Equal(7, events.Count);
        var main = events.Where(e => !e.ArticleId!.Contains('#', StringComparison.Ordinal)).ToList();
        Assert.Equal(5, main.Count);
        var storyId = Assert.Single(main.Select(e => e.StoryId).Distinct());
        Assert.Equal(StoryEventType.StoryCreated, main[0].Type);
        Assert.Equal([1L, 2, 3, 4, 5], main.Select(e => e.Sequence));
        var parts = events.Where(e => e.ArticleId!.Contains('#', StringComparison.Ordinal)).ToList();
        Assert.Equal([prefix + "003#1", prefix + "003#2"], parts.Select(e => e.ArticleId));
        Assert.All(parts, p => Assert.Equal(StoryEventType.StoryCreated, p.Type));
        Assert.DoesNotContain(parts, p => p.StoryId == storyId);

        // The same events come out of the "stories" stream.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (received.Count < events.Count && !timeout.IsCancellationRequested)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        await subscription.UnsubscribeAsync();
        Assert.Equal(events.Select(e => (e.StoryId, e.Sequence)).Order(), received.Select(e => (e.StoryId, e.Sequence)).Order());

        var snapshot = await fixture.Client.GetGrain<IStoryClusterGrain>(storyId!).GetSnapshotAsync();
        Assert.NotNull(snapshot);
        Assert.Equal(5, snapshot.Summary.VersionCount);
        Assert.Equal(5, snapshot.Versions.Length);
        Assert.Equal(["reuters", "nytimes-syndicated", "nytimes-preview", "nytimes", "wn"], snapshot.Summary.Sources);
        Assert.NotEmpty(snapshot.Facts);
    }
}
