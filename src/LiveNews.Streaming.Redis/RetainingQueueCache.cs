using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace LiveNews.Streaming.Redis;

/// <summary>
/// A <see cref="SimpleQueueCache"/> that keeps delivered batches until it is <see cref="RetainFraction"/>
/// full, instead of releasing each as soon as every consumer has passed it. A subscription may therefore
/// rewind to a sequence token of anything still held (about that many of the newest batches); releasing
/// later also moves the Redis checkpoint later, so the same window bounds what a failover delivers again.
/// </summary>
public sealed class RetainingQueueCache(int cacheSize, ILogger logger) : SimpleQueueCache(cacheSize, logger)
{
    public const double RetainFraction = 0.7;

    private readonly int _retain = Math.Max(1, (int)(cacheSize * RetainFraction));

    public override bool TryPurgeFromCache([MaybeNullWhen(false)] out IList<IBatchContainer> purgedItems)
    {
        if (Size < _retain)
        {
            purgedItems = null;
            return false;
        }

        return base.TryPurgeFromCache(out purgedItems);
    }
}
