using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;
using StackExchange.Redis;

namespace LiveNews.Streaming.Redis;

/// <summary>
/// Reads what a stream carried, straight from Redis and independent of any subscription: the newest
/// events (to fill a replay buffer after a restart) or everything after an entry (to rewind further back
/// than a silo's cache reaches).
/// </summary>
public sealed partial class RedisStreamHistory(string name, RedisStreamOptions options, ClusterOptions cluster, Serializer serializer, ILogger<RedisStreamHistory> logger)
{
    private readonly RedisStreamKeys _keys = new(options, cluster.ServiceId, name);
    private readonly Orleans.Streams.HashRingBasedStreamQueueMapper _mapper = RedisStreamQueueAdapterFactory.CreateMapper(name, options);

    /// <summary>The newest events of <paramref name="streamId"/>, at most <paramref name="count"/>, oldest first.</summary>
    public async Task<IReadOnlyList<(T Event, RedisStreamEntryId EntryId)>> ReadLatestAsync<T>(StreamId streamId, int count)
    {
        var database = (await RedisConnections.GetAsync(options.ConnectionString)).GetDatabase();
        var key = _keys.Queue(_mapper.GetQueueForStream(streamId));
        var newestFirst = new List<List<(T, RedisStreamEntryId)>>();
        var found = 0;
        RedisValue max = "+";
        while (found < count)
        {
            // Pages backwards through the queue; "(" makes the bound exclusive.
            var entries = await database.StreamRangeAsync(key, minId: "-", maxId: max, count: 500, messageOrder: Order.Descending);
            foreach (var entry in entries)
            {
                var events = new List<(T, RedisStreamEntryId)>();
                Collect(entry, streamId, events);
                newestFirst.Add(events);
                found += events.Count;
                if (found >= count)
                {
                    break;
                }
            }

            if (entries.Length == 0)
            {
                break;
            }

            max = "(" + entries[^1].Id;
        }

        var result = newestFirst.AsEnumerable().Reverse().SelectMany(e => e).ToList();
        return result.Count > count ? result[^count..] : result;
    }

    /// <summary>The events of <paramref name="streamId"/> after entry <paramref name="after"/>, oldest first, at most <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<(T Event, RedisStreamEntryId EntryId)>> ReadAfterAsync<T>(StreamId streamId, RedisStreamEntryId after, int count)
    {
        var database = (await RedisConnections.GetAsync(options.ConnectionString)).GetDatabase();
        var key = _keys.Queue(_mapper.GetQueueForStream(streamId));
        var result = new List<(T, RedisStreamEntryId)>();
        var position = after;
        while (result.Count < count)
        {
            var entries = await database.StreamReadAsync(key, position.ToString(), 500);
            if (entries.Length == 0)
            {
                break;
            }

            foreach (var entry in entries)
            {
                Collect(entry, streamId, result);
            }

            position = RedisStreamEntryId.Parse(entries[^1].Id.ToString());
        }

        return result.Count > count ? result[..count] : result;
    }

    private void Collect<T>(StreamEntry entry, StreamId streamId, List<(T, RedisStreamEntryId)> result)
    {
        var id = RedisStreamEntryId.Parse(entry.Id.ToString());
        try
        {
            var data = (byte[]?)entry[RedisStreamQueueAdapter.DataField];
            if (data is null)
            {
                return;
            }

            var container = serializer.Deserialize<RedisBatchContainer>(data) ?? throw new InvalidDataException("the entry holds no batch");
            if (container.StreamId.Equals(streamId))
            {
                result.AddRange(container.Events.OfType<T>().Select(e => (e, id)));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogUnreadable(logger, id.ToString(), ex);
        }
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Redis stream entry {EntryId} cannot be read and is skipped")]
    private static partial void LogUnreadable(ILogger logger, string entryId, Exception exception);
}
