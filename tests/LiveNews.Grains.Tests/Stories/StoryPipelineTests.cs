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
    /// <summary>
    /// Collects the events of the articles whose ids start with <paramref name="prefix"/>, from the stories stream,
    /// once the subscription is live. A subscription to a stream the silos' agents already read starts delivering
    /// only when the agent has shaken hands with the subscriber, after SubscribeAsync returns (dotnet/orleans#9501):
    /// an event published in between is never delivered to it. So probe events (ids "prefix~probe-N", kept out of
    /// <paramref name="into"/>) are published until one comes back; every event published after that reaches it.
    /// </summary>
    internal static async Task<StreamSubscriptionHandle<StoryEvent>> CollectAsync(IClusterClient client, string prefix, ConcurrentQueue<StoryEvent> into)
    {
        var stream = client.GetStreamProvider(StreamNames.Provider)
            .GetStream<StoryEvent>(StreamId.Create(StreamNames.StoriesNamespace, StreamNames.AllStoriesKey));
        var probeId = prefix + "~probe-";
        var live = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handle = await stream.SubscribeAsync((evt, _) =>
        {
            if (evt.ArticleId?.StartsWith(probeId, StringComparison.Ordinal) == true)
            {
                live.TrySetResult();
            }
            else if (evt.ArticleId?.StartsWith(prefix, StringComparison.Ordinal) == true)
            {
                into.Enqueue(evt);
            }

            return Task.CompletedTask;
        });

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        for (var probe = 0; !live.Task.IsCompleted; probe++)
        {
            await stream.OnNextAsync(new StoryEvent { Type = StoryEventType.VersionAttached, ArticleId = probeId + probe, At = DateTimeOffset.UnixEpoch });
            await Task.WhenAny(live.Task, Task.Delay(TimeSpan.FromMilliseconds(200), timeout.Token));
            timeout.Token.ThrowIfCancellationRequested();
        }

        return handle;
    }

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
