namespace LiveNews.Streaming.Redis;

/// <summary>Settings of a Redis Streams persistent stream provider.</summary>
public sealed class RedisStreamOptions
{
    /// <summary>A StackExchange.Redis connection string.</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>Prefix of every Redis key the provider writes; the service id and provider name are appended.</summary>
    public string KeyPrefix { get; set; } = "orleans-streams";

    /// <summary>Queues (Redis streams) the provider's streams are spread over; each is read by one silo at a time.</summary>
    public int QueueCount { get; set; } = 4;

    /// <summary>Entries each Redis stream keeps (trimmed approximately, oldest first); bounds memory and the rewind window.</summary>
    public int MaxStreamLength { get; set; } = 100_000;

    /// <summary>Entries read from a queue in one pull.</summary>
    public int ReadBatchSize { get; set; } = 100;

    /// <summary>
    /// Batches a silo's cache holds per queue. It keeps about 70 % of this many delivered batches, so a
    /// subscription can rewind to any of them; delivered batches are checkpointed as they leave it, so after
    /// a failover at most this many are delivered again (consumers see at-least-once delivery). Older events
    /// stay readable through <see cref="RedisStreamHistory"/> as long as the Redis stream keeps them.
    /// </summary>
    public int CacheSize { get; set; } = 256;
}
