using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streams;
using StackExchange.Redis;

namespace LiveNews.Streaming.Redis;

/// <summary>
/// Writes each batch of stream events as one entry (XADD, trimmed to about <see cref="RedisStreamOptions.MaxStreamLength"/>)
/// to the Redis stream of the queue its stream maps to, and creates a receiver per queue.
/// </summary>
internal sealed class RedisStreamQueueAdapter(
    string name,
    RedisStreamOptions options,
    RedisStreamKeys keys,
    IStreamQueueMapper mapper,
    Serializer serializer,
    ILoggerFactory loggers) : IQueueAdapter
{
    public const string DataField = "d";

    public string Name => name;

    /// <summary>Subscriptions may start from a sequence token that is still in a silo's cache.</summary>
    public bool IsRewindable => true;

    public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (token is not null)
        {
            throw new ArgumentException("The Redis stream provider assigns sequence tokens itself; producers cannot choose them.", nameof(token));
        }

        var container = new RedisBatchContainer(streamId, events.Cast<object>().ToList(), requestContext);
        var data = serializer.SerializeToArray(container);
        var queue = mapper.GetQueueForStream(streamId);
        var connection = await RedisConnections.GetAsync(options.ConnectionString).ConfigureAwait(false);
        await connection.GetDatabase().StreamAddAsync(keys.Queue(queue), DataField, data, maxLength: options.MaxStreamLength, useApproximateMaxLength: true).ConfigureAwait(false);
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) =>
        new RedisStreamQueueReceiver(queueId, options, keys, serializer, loggers.CreateLogger<RedisStreamQueueReceiver>());
}
