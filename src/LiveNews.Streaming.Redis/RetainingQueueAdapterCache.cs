using Microsoft.Extensions.Logging;
using Orleans.Streams;

namespace LiveNews.Streaming.Redis;

/// <summary>One <see cref="RetainingQueueCache"/> per queue.</summary>
public sealed class RetainingQueueAdapterCache(int cacheSize, string providerName, ILoggerFactory loggers) : IQueueAdapterCache
{
    private readonly ILogger _logger = loggers.CreateLogger($"{typeof(RetainingQueueCache).FullName}.{providerName}");

    public IQueueCache CreateQueueCache(QueueId queueId) => new RetainingQueueCache(cacheSize, _logger);
}
