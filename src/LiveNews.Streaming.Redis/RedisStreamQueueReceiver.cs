using Microsoft.Extensions.Logging;
using Orleans.Serialization;
using Orleans.Streams;
using StackExchange.Redis;

namespace LiveNews.Streaming.Redis;

/// <summary>
/// Reads one queue's Redis stream from its checkpoint on. The checkpoint (a hash field per queue) moves
/// only when the silo's cache releases batches that every consumer has taken, so a silo that dies loses
/// nothing: the next silo to own the queue starts again from the checkpoint. An entry that cannot be read
/// is logged and skipped; it never blocks the queue.
/// </summary>
internal sealed partial class RedisStreamQueueReceiver(
    QueueId queueId,
    RedisStreamOptions options,
    RedisStreamKeys keys,
    Serializer serializer,
    ILogger<RedisStreamQueueReceiver> logger) : IQueueAdapterReceiver
{
    private RedisStreamEntryId _lastRead = RedisStreamEntryId.Zero;
    private RedisStreamEntryId _checkpoint = RedisStreamEntryId.Zero;
    private bool _shutDown;

    public Task Initialize(TimeSpan timeout) => Initialize(timeout, CancellationToken.None);

    public async Task Initialize(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var database = await DatabaseAsync();
        var stored = await database.HashGetAsync(keys.Checkpoints, RedisStreamKeys.CheckpointField(queueId)).WaitAsync(timeout, cancellationToken);
        _checkpoint = stored.HasValue ? RedisStreamEntryId.Parse(stored.ToString()) : RedisStreamEntryId.Zero;
        _lastRead = _checkpoint;
        LogStarted(logger, queueId.ToString(), _checkpoint.ToString());
    }

    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        if (_shutDown)
        {
            return [];
        }

        var count = maxCount <= 0 ? options.ReadBatchSize : Math.Min(maxCount, options.ReadBatchSize);
        var database = await DatabaseAsync();
        var entries = await database.StreamReadAsync(keys.Queue(queueId), _lastRead.ToString(), count).WaitAsync(cancellationToken);
        var batches = new List<IBatchContainer>(entries.Length);
        foreach (var entry in entries)
        {
            var id = RedisStreamEntryId.Parse(entry.Id.ToString());
            _lastRead = id;
            try
            {
                var data = (byte[]?)entry[RedisStreamQueueAdapter.DataField];
                if (data is null)
                {
                    LogUnreadable(logger, queueId.ToString(), id.ToString(), null);
                    continue;
                }

                var container = serializer.Deserialize<RedisBatchContainer>(data) ?? throw new InvalidDataException("the entry holds no batch");
                container.SequenceNumber = id.ToSequenceNumber();
                batches.Add(container);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogUnreadable(logger, queueId.ToString(), id.ToString(), ex);
            }
        }

        return batches;
    }

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

    public async Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken)
    {
        var newest = messages.OfType<RedisBatchContainer>().Select(m => m.EntryId).DefaultIfEmpty(RedisStreamEntryId.Zero).Max();
        if (newest.CompareTo(_checkpoint) <= 0)
        {
            return;
        }

        var database = await DatabaseAsync();
        await database.HashSetAsync(keys.Checkpoints, RedisStreamKeys.CheckpointField(queueId), newest.ToString()).WaitAsync(cancellationToken);
        _checkpoint = newest;
    }

    public Task Shutdown(TimeSpan timeout) => Shutdown(timeout, CancellationToken.None);

    public Task Shutdown(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _shutDown = true;
        return Task.CompletedTask;
    }

    private async Task<IDatabase> DatabaseAsync() => (await RedisConnections.GetAsync(options.ConnectionString)).GetDatabase();

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Redis stream queue {Queue} starts after checkpoint {Checkpoint}")]
    private static partial void LogStarted(ILogger logger, string queue, string checkpoint);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Redis stream queue {Queue}: entry {EntryId} cannot be read and is skipped")]
    private static partial void LogUnreadable(ILogger logger, string queue, string entryId, Exception? exception);
}
