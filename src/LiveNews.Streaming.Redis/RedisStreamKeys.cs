using Orleans.Streams;

namespace LiveNews.Streaming.Redis;

/// <summary>The Redis keys of one provider: one stream per queue and one hash of checkpoints.</summary>
internal sealed class RedisStreamKeys(RedisStreamOptions options, string serviceId, string providerName)
{
    private readonly string _base = $"{options.KeyPrefix}:{serviceId}:{providerName}";

    public string Queue(QueueId queueId) => $"{_base}:q:{queueId.GetNumericId()}";

    public string Checkpoints => $"{_base}:checkpoints";

    public static string CheckpointField(QueueId queueId) => queueId.GetNumericId().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
