using LiveNews.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;
using Orleans.TestingHost;
using StackExchange.Redis;

namespace LiveNews.Streaming.Redis.Tests;

/// <summary>The provider in a real cluster: implicit and explicit consumers, a consumer that restarts, checkpoints, rewind.</summary>
[Collection(RedisStreamCollection.Name)]
public class RedisStreamProviderTests(RedisStreamFixture fixture)
{
    private const string Provider = "redis";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A cluster on the provider; every cluster of a test shares one service id, so they share the Redis keys.</summary>
    private static async Task<InProcessTestCluster> StartClusterAsync(RedisStreamOptions options, int silos = 1, string serviceId = "redis-tests")
    {
        void Configure(RedisStreamOptions o)
        {
            o.ConnectionString = options.ConnectionString;
            o.KeyPrefix = options.KeyPrefix;
            o.QueueCount = options.QueueCount;
            o.CacheSize = options.CacheSize;
        }

        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.Options.ServiceId = serviceId;
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("PubSubStore");
            if (Environment.GetEnvironmentVariable("LIVENEWS_TEST_MEMORY") == "1")
            {
                silo.AddMemoryStreams(Provider);
            }
            else
            {
                silo.AddRedisStreams(Provider, Configure);
            }

            if (Environment.GetEnvironmentVariable("LIVENEWS_TEST_LOGS") == "1")
            {
                silo.Services.AddLogging(l => Microsoft.Extensions.Logging.FilterLoggingBuilderExtensions.AddFilter(Microsoft.Extensions.Logging.ConsoleLoggerExtensions.AddConsole(l), "Orleans.Streams", Microsoft.Extensions.Logging.LogLevel.Debug));
            }
        });
        builder.ConfigureClient(client =>
        {
            if (Environment.GetEnvironmentVariable("LIVENEWS_TEST_MEMORY") == "1")
            {
                client.AddMemoryStreams(Provider);
            }
            else
            {
                client.AddRedisStreams(Provider, Configure);
            }
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    private static Task WaitForAsync(Func<bool> condition, string what) => Eventually.TrueAsync(condition, what, Patience, Ct);

    [Fact]
    public async Task ImplicitConsumer_GetsEveryEventInOrder()
    {
        var options = fixture.Options();
        await using var cluster = await StartClusterAsync(options, silos: 2);
        var key = "order-" + Guid.NewGuid().ToString("N")[..6];
        var stream = cluster.Client.GetStreamProvider(Provider).GetStream<int>(StreamId.Create(RecordingConsumerGrain.Namespace, key));

        for (var i = 1; i <= 50; i++)
        {
            await stream.OnNextAsync(i);
        }

        var received = RecordingConsumerGrain.For(key);
        await WaitForAsync(() => received.Count >= 50, "50 events");
        Assert.Equal(Enumerable.Range(1, 50), received);
    }

    [Fact]
    public async Task ConsumerRestart_EventsWrittenWhileItWasDownAreDelivered_AndCheckpointsBoundRedelivery()
    {
        var options = fixture.Options(cacheSize: 10);
        var key = "restart-" + Guid.NewGuid().ToString("N")[..6];
        var streamId = StreamId.Create(RecordingConsumerGrain.Namespace, key);
        var received = RecordingConsumerGrain.For(key);

        await using (var first = await StartClusterAsync(options))
        {
            var stream = first.Client.GetStreamProvider(Provider).GetStream<int>(streamId);
            for (var i = 1; i <= 40; i++)
            {
                await stream.OnNextAsync(i);
            }

            await WaitForAsync(() => received.Count >= 40, "the first 40 events");
            await first.StopAllSilosAsync(Ct);
        }

        // The checkpoint moved as the small cache released delivered batches.
        var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);
        var server = redis.GetServer(redis.GetEndPoints()[0]);
        var checkpointKey = Assert.Single(server.Keys(pattern: $"{options.KeyPrefix}:*:{Provider}:checkpoints"));
        var checkpoints = await redis.GetDatabase().HashGetAllAsync(checkpointKey);
        Assert.NotEmpty(checkpoints);

        // Nobody consumes while these are written (straight to Redis, under the cluster's service id).
        Assert.Equal($"{options.KeyPrefix}:redis-tests:{Provider}:checkpoints", checkpointKey.ToString());
        var adapter = await fixture.Factory(options, serviceId: "redis-tests").CreateAdapter();
        for (var i = 41; i <= 60; i++)
        {
            await adapter.QueueMessageBatchAsync(streamId, [i], null, null);
        }

        var before = received.Count;
        await using var second = await StartClusterAsync(options);
        await WaitForAsync(() => received.Contains(60), "event 60 after the restart");
        var afterRestart = received.Skip(before).ToList();
        Assert.Equal(Enumerable.Range(41, 20), afterRestart.Where(v => v > 40));
        var redelivered = afterRestart.Where(v => v <= 40).ToList();
        Assert.True(redelivered.Count <= 2 * options.CacheSize, $"{redelivered.Count} events delivered again; the cache holds {options.CacheSize}");
        Assert.Equal(redelivered.Order(), redelivered);
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task ExplicitSubscription_RewindsFromASequenceToken()
    {
        var options = fixture.Options();
        await using var cluster = await StartClusterAsync(options);
        var stream = cluster.Client.GetStreamProvider(Provider).GetStream<int>(StreamId.Create("explicit", Guid.NewGuid().ToString("N")));
        var seen = new List<(int Value, StreamSequenceToken Token)>();
        var handle = await stream.SubscribeAsync((value, token) =>
        {
            lock (seen)
            {
                seen.Add((value, token!));
            }

            return Task.CompletedTask;
        });

        for (var i = 1; i <= 10; i++)
        {
            await stream.OnNextAsync(i);
        }

        await WaitForAsync(() => { lock (seen) { return seen.Count >= 10; } }, "10 events");
        await handle.UnsubscribeAsync();
        StreamSequenceToken fourth;
        lock (seen)
        {
            Assert.Equal(Enumerable.Range(1, 10), seen.Select(s => s.Value));
            Assert.All(seen, s => Assert.IsType<EventSequenceTokenV2>(s.Token));
            fourth = seen[3].Token;
        }

        var replayed = new List<int>();
        var rewound = await stream.SubscribeAsync((value, _) =>
        {
            lock (replayed)
            {
                replayed.Add(value);
            }

            return Task.CompletedTask;
        }, fourth);

        // The agent moves a new subscription's cursor when the queue next has data.
        await stream.OnNextAsync(11);
        await WaitForAsync(() => { lock (replayed) { return replayed.Contains(11); } }, "the rewound events and a new one");
        lock (replayed)
        {
            Assert.Equal(Enumerable.Range(4, 8), replayed);
        }

        await rewound.UnsubscribeAsync();
    }
}
