using Orleans.Runtime;
using Orleans.Streams;
using StackExchange.Redis;

namespace LiveNews.Streaming.Redis.Tests;

/// <summary>The adapter and receivers against a real Redis: order, checkpoints, bad entries, bounded length.</summary>
[Collection(RedisStreamCollection.Name)]
public class RedisStreamQueueReceiverTests(RedisStreamFixture fixture)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly StreamId Stream = StreamId.Create("test", "one");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<List<int>> ReadAllAsync(IQueueAdapterReceiver receiver, List<IBatchContainer>? batches = null)
    {
        var values = new List<int>();
        while (true)
        {
            var read = await receiver.GetQueueMessagesAsync(1000, Ct);
            if (read.Count == 0)
            {
                return values;
            }

            batches?.AddRange(read);
            values.AddRange(read.SelectMany(b => b.GetEvents<int>().Select(e => e.Item1)));
        }
    }

    [Fact]
    public async Task Receiver_ReadsBatchesInOrderWithIncreasingTokens()
    {
        var factory = fixture.Factory(fixture.Options());
        var adapter = await factory.CreateAdapter();
        for (var i = 1; i <= 30; i++)
        {
            await adapter.QueueMessageBatchAsync(Stream, [i, i + 1000], null, null);
        }

        var receiver = adapter.CreateReceiver(factory.GetStreamQueueMapper().GetQueueForStream(Stream));
        await receiver.Initialize(Timeout, Ct);
        var batches = new List<IBatchContainer>();
        var values = await ReadAllAsync(receiver, batches);

        Assert.Equal(Enumerable.Range(1, 30).SelectMany(i => new[] { i, i + 1000 }), values);
        Assert.All(batches, b => Assert.Equal(Stream, b.StreamId));
        var tokens = batches.Select(b => b.SequenceToken).ToList();
        Assert.All(tokens.Zip(tokens.Skip(1)), pair => Assert.True(pair.Second.Newer(pair.First)));
    }

    [Fact]
    public async Task Checkpoint_ANewReceiverStartsAfterWhatWasDelivered()
    {
        var factory = fixture.Factory(fixture.Options());
        var adapter = await factory.CreateAdapter();
        for (var i = 1; i <= 10; i++)
        {
            await adapter.QueueMessageBatchAsync(Stream, [i], null, null);
        }

        var queue = factory.GetStreamQueueMapper().GetQueueForStream(Stream);
        var first = adapter.CreateReceiver(queue);
        await first.Initialize(Timeout, Ct);
        var batches = new List<IBatchContainer>();
        Assert.Equal(10, (await ReadAllAsync(first, batches)).Count);
        await first.MessagesDeliveredAsync(batches.Take(6).ToList(), Ct);
        await first.Shutdown(Timeout, Ct);

        // The silo that owned the queue is gone; the next owner resumes after the checkpoint.
        var second = adapter.CreateReceiver(queue);
        await second.Initialize(Timeout, Ct);
        Assert.Equal([7, 8, 9, 10], await ReadAllAsync(second));

        // A receiver that never checkpointed starts from the beginning.
        var other = fixture.Factory(fixture.Options());
        var otherAdapter = await other.CreateAdapter();
        await otherAdapter.QueueMessageBatchAsync(Stream, [1], null, null);
        var fresh = otherAdapter.CreateReceiver(queue);
        await fresh.Initialize(Timeout, Ct);
        Assert.Equal([1], await ReadAllAsync(fresh));
    }

    [Fact]
    public async Task Receiver_SkipsAnUnreadableEntry_AndGoesOn()
    {
        var options = fixture.Options();
        var factory = fixture.Factory(options);
        var adapter = await factory.CreateAdapter();
        await adapter.QueueMessageBatchAsync(Stream, [1], null, null);
        var queue = factory.GetStreamQueueMapper().GetQueueForStream(Stream);
        var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);
        await redis.GetDatabase().StreamAddAsync($"{options.KeyPrefix}:tests:redis:q:{queue.GetNumericId()}", "d", new byte[] { 0xde, 0xad, 0xbe, 0xef });
        await redis.GetDatabase().StreamAddAsync($"{options.KeyPrefix}:tests:redis:q:{queue.GetNumericId()}", "other", "field");
        await adapter.QueueMessageBatchAsync(Stream, [2], null, null);

        var receiver = adapter.CreateReceiver(queue);
        await receiver.Initialize(Timeout, Ct);
        Assert.Equal([1, 2], await ReadAllAsync(receiver));
        await redis.DisposeAsync();
    }

    [Fact]
    public async Task Queue_IsBoundedToAboutMaxStreamLength()
    {
        var options = fixture.Options(maxLength: 100);
        var factory = fixture.Factory(options);
        var adapter = await factory.CreateAdapter();
        for (var i = 0; i < 1000; i++)
        {
            await adapter.QueueMessageBatchAsync(Stream, [i], null, null);
        }

        var queue = factory.GetStreamQueueMapper().GetQueueForStream(Stream);
        var redis = await ConnectionMultiplexer.ConnectAsync(fixture.Redis.ConnectionString);
        var length = await redis.GetDatabase().StreamLengthAsync($"{options.KeyPrefix}:tests:redis:q:{queue.GetNumericId()}");
        Assert.InRange(length, 100, 300);
        await redis.DisposeAsync();

        // What is left is the newest part, still in order.
        var receiver = adapter.CreateReceiver(queue);
        await receiver.Initialize(Timeout, Ct);
        var values = await ReadAllAsync(receiver);
        Assert.Equal(999, values[^1]);
        Assert.Equal(values.Order(), values);
    }

    [Fact]
    public async Task History_ReadsTheNewestEventsAndEverythingAfterAnEntry()
    {
        var options = fixture.Options();
        var factory = fixture.Factory(options);
        var adapter = await factory.CreateAdapter();
        var elsewhere = StreamId.Create("test", "two");
        for (var i = 1; i <= 20; i++)
        {
            await adapter.QueueMessageBatchAsync(Stream, [i], null, null);
            await adapter.QueueMessageBatchAsync(elsewhere, [-i], null, null);
        }

        var history = new RedisStreamHistory("redis", options, new Orleans.Configuration.ClusterOptions { ServiceId = "tests" }, fixture.Serializer, Microsoft.Extensions.Logging.Abstractions.NullLogger<RedisStreamHistory>.Instance);
        var latest = await history.ReadLatestAsync<int>(Stream, 5);
        Assert.Equal([16, 17, 18, 19, 20], latest.Select(e => e.Event));

        var after = await history.ReadAfterAsync<int>(Stream, latest[1].EntryId, 100);
        Assert.Equal([18, 19, 20], after.Select(e => e.Event));
        Assert.Equal(20, (await history.ReadLatestAsync<int>(Stream, 100)).Count);
    }
}
