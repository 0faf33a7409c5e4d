using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Grains.Stories;
using LiveNews.Stories;
using LiveNews.Stories.Engine;
using LiveNews.Stories.Tests;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;

namespace LiveNews.Grains.Tests.Stories;

/// <summary>The term index sharded over grains (four by default), on a cluster of its own.</summary>
public class StoryIndexShardingTests(ClusterFixture fixture) : IClassFixture<ClusterFixture>
{
    private static readonly int Shards = new StoryEngineOptions().IndexShards;

    [Fact]
    public async Task VersionsOfANewStoryArrivingTogether_OpenOneStory()
    {
        var prefix = "together-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var router = fixture.Client.GetGrain<IStoryRouterGrain>(0);

        // All five versions at once: several router activations ask the shards before any story exists.
        var results = await Task.WhenAll(CorpusReader.Seeds().Select(seed => router.IngestAsync(StoryPipelineTests.ToVersion(seed, prefix))));

        var main = results.SelectMany(r => r).Where(e => e.ArticleId!.StartsWith(prefix, StringComparison.Ordinal) && !e.ArticleId.Contains('#', StringComparison.Ordinal)).ToList();
        Assert.Equal(5, main.Count);
        var storyIds = main.Select(e => e.StoryId).Distinct().ToList();
        Assert.Single(storyIds);
        Assert.Single(main, e => e.Type == StoryEventType.StoryCreated);
    }

    [Fact]
    public async Task Stories_SpreadOverTheShardsByTheirIds()
    {
        Assert.True(Shards > 1);
        var router = fixture.Client.GetGrain<IStoryRouterGrain>(0);
        var opened = new List<string>();
        for (var i = 0; i < 16; i++)
        {
            var name = "Zs" + Guid.NewGuid().ToString("N")[..8];
            var words = MadeUpWords.From(name, 10);
            var evt = Assert.Single(await router.IngestAsync(new ArticleVersion
            {
                Id = "spread-" + name,
                Source = "wire",
                Title = $"{name} {words[0]} {words[1]} {words[2]}",
                Text = $"The {name} {string.Join(' ', words[3..])} said on Monday.",
                Published = DateTimeOffset.UnixEpoch,
            }));
            Assert.Equal(StoryEventType.StoryCreated, evt.Type);
            opened.Add(evt.StoryId!);
        }

        // Each story is held by the shard its id names, and the stories spread over several shards.
        foreach (var storyId in opened)
        {
            var shard = fixture.Client.GetGrain<IStoryIndexGrain>(StoryIds.Shard(storyId, Shards));
            var profile = Assert.Single((await shard.GetProfilesAsync([storyId])).Value);
            Assert.Equal(storyId, profile.StoryId);
        }

        Assert.True(opened.Select(id => StoryIds.Shard(id, Shards)).Distinct().Count() >= 2);
        var counts = await Task.WhenAll(Enumerable.Range(0, Shards).Select(s => fixture.Client.GetGrain<IStoryIndexGrain>(s).CountAsync()));
        Assert.True(counts.Sum() >= opened.Count);
    }

    [Fact]
    public async Task WarmUp_RunsTheEngineMakesCodecsAndWakesGrains_LeavingTheClusterAsItWas()
    {
        async Task<int[]> Counts() =>
            await Task.WhenAll(Enumerable.Range(0, Shards).Select(s => fixture.Client.GetGrain<IStoryIndexGrain>(s).CountAsync()));

        // Made-up words, so that no other test's story can take the article in (the class shares one cluster).
        var name = "Zw" + Guid.NewGuid().ToString("N")[..8];
        var words = MadeUpWords.From(name, 12);
        var sample = new ArticleVersion
        {
            Id = "warm-" + name,
            Source = "wire",
            Title = $"{name} {words[0]} {words[1]} {words[2]}",
            Text = $"The {name} {string.Join(' ', words[3..])} said on Monday.",
            Published = DateTimeOffset.UnixEpoch,
        };
        var before = await Counts();
        var catalogued = await fixture.Client.GetGrain<IStoryCatalogGrain>(0).CountAsync();
        var serializer = fixture.Client.ServiceProvider.GetRequiredService<Orleans.Serialization.Serializer>();

        // Everything on the stories stream from here on: the warm-up's own stream events must not be among it.
        var seen = new System.Collections.Concurrent.ConcurrentQueue<StoryEvent>();
        var subscription = await fixture.Client.GetStreamProvider(LiveNews.Abstractions.StreamNames.Provider)
            .GetStream<StoryEvent>(Orleans.Runtime.StreamId.Create(LiveNews.Abstractions.StreamNames.StoriesNamespace, LiveNews.Abstractions.StreamNames.AllStoriesKey))
            .SubscribeAsync((evt, _) =>
            {
                seen.Enqueue(evt);
                return Task.CompletedTask;
            });

        await StoryPipelineWarmup.WarmUpAsync(fixture.Client, new StoryEngineOptions(), [sample], TimeProvider.System, serializer);

        Assert.Equal(before, await Counts());
        Assert.Equal(catalogued, await fixture.Client.GetGrain<IStoryCatalogGrain>(0).CountAsync());
        Assert.Null(await fixture.Client.GetGrain<IStoryClusterGrain>(StoryPipelineWarmup.WarmupStoryId).GetSnapshotAsync());

        // Had the warm-up sent the sample into the cluster, it would come back as a Duplicate of a known story.
        var first = await fixture.Client.GetGrain<IStoryRouterGrain>(0).IngestAsync(sample);
        Assert.Equal(StoryEventType.StoryCreated, Assert.Single(first).Type);

        // The sample's event comes out on the stories stream; nothing of the warm-up came before it.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            while (!seen.Any(e => e.ArticleId == sample.Id) && !timeout.IsCancellationRequested)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }

        await subscription.UnsubscribeAsync();
        Assert.Contains(seen, e => e.ArticleId == sample.Id);
        Assert.DoesNotContain(seen, e => e.StoryId == StoryPipelineWarmup.WarmupStoryId);
    }
}
