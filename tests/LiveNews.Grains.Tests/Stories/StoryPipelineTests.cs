using System.Collections.Concurrent;
using LiveNews.Abstractions;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Tests;
using Orleans.Runtime;
using Orleans.Streams;

namespace LiveNews.Grains.Tests.Stories;

[Collection(ClusterCollection.Name)]
public class StoryPipelineTests(ClusterFixture fixture)
{
    /// <summary>Collects the events of the articles whose ids start with <paramref name="prefix"/>, from the stories stream.</summary>
    internal static Task<StreamSubscriptionHandle<StoryEvent>> CollectAsync(IClusterClient client, string prefix, ConcurrentQueue<StoryEvent> into) =>
        client.GetStreamProvider(StreamNames.Provider)
            .GetStream<StoryEvent>(StreamId.Create(StreamNames.StoriesNamespace, StreamNames.AllStoriesKey))
            .SubscribeAsync((evt, _) =>
            {
                if (evt.ArticleId?.StartsWith(prefix, StringComparison.Ordinal) == true)
                {
                    into.Enqueue(evt);
                }

                return Task.CompletedTask;
            });

    internal static ArticleVersion ToVersion(ArticleInput input, string prefix) => new()
    {
        Id = prefix + input.Id,
        Source = input.Source,
        Url = input.Url,
        Title = input.Title,
        Published = input.Published,
        Text = input.Text,
    };

    [Fact]
    public async Task Ingest_SeedVersionsFormOneStoryAndReachTheStream()
    {
        var prefix = "pipeline-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var received = new ConcurrentQueue<StoryEvent>();
        var subscription = await CollectAsync(fixture.Client, prefix, received);

        var router = fixture.Client.GetGrain<IStoryRouterGrain>(0);
        var events = new List<StoryEvent>();
        foreach (var seed in CorpusReader.Seeds())
        {
            events.AddRange(await router.IngestAsync(ToVersion(seed, prefix)));
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

    [Fact]
    public async Task Ingest_SameVersionTwiceIsDuplicate()
    {
        var prefix = "dup-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var router = fixture.Client.GetGrain<IStoryRouterGrain>(0);
        var seed = ToVersion(CorpusReader.Seeds()[0], prefix);
        var first = Assert.Single(await router.IngestAsync(seed));
        var again = Assert.Single(await router.IngestAsync(seed));
        Assert.Equal(StoryEventType.Duplicate, again.Type);
        Assert.Equal(first.StoryId, again.StoryId);
        Assert.Equal(first.Sequence + 1, again.Sequence);
        Assert.Empty(again.NewFacts);
    }

    [Fact]
    public async Task Catalog_ListsStoriesLatestFirst()
    {
        var prefix = "cat-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var router = fixture.Client.GetGrain<IStoryRouterGrain>(0);
        var evt = Assert.Single(await router.IngestAsync(new ArticleVersion
        {
            Id = prefix + "quake",
            Source = "wire",
            Title = "Magnitude 6.1 earthquake strikes off northern Chile " + prefix,
            Text = "A magnitude 6.1 earthquake struck off the coast of northern Chile, the US Geological Survey said. No damage was reported in Antofagasta.",
            Published = DateTimeOffset.UnixEpoch,
        }));

        // The catalog hears of updates one-way: wait (bounded) until it has this one.
        var catalog = fixture.Client.GetGrain<IStoryCatalogGrain>(0);
        var list = (await catalog.ListAsync(new StoryQuery())).Stories;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while ((list.Length == 0 || list[0].Id != evt.StoryId) && !timeout.IsCancellationRequested)
        {
            await Task.Delay(20, TestContext.Current.CancellationToken);
            list = (await catalog.ListAsync(new StoryQuery())).Stories;
        }

        Assert.Equal(evt.StoryId, list[0].Id);
        Assert.Equal(1, list[0].VersionCount);
    }

    [Fact]
    public async Task Snapshot_UnknownStoryIsNull()
    {
        Assert.Null(await fixture.Client.GetGrain<IStoryClusterGrain>("s-unknown").GetSnapshotAsync());
    }
}
