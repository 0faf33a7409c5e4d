using LiveNews.Grains.Stories;
using LiveNews.Streaming.Redis;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using StackExchange.Redis;

namespace LiveNews.Server.Storage;

/// <summary>
/// The Redis profile's index journal: one sorted set per shard and service
/// (<c>livenews-index-journal/{serviceId}/{shard}</c>), each entry in Orleans' binary form scored by its
/// sequence. Appending is one ZADD (the same entry again is the same member: stored once), reading one
/// range from a sequence on, trimming one removal up to a sequence.
/// </summary>
public sealed class RedisStoryIndexJournal(string connectionString, IOptions<ClusterOptions> cluster, Orleans.Serialization.Serializer serializer) : IStoryIndexJournal
{
    /// <summary>Entries larger than this are refused when read (a corrupt or hostile record).</summary>
    private const int MaxEntryBytes = 4 * 1024 * 1024;

    private RedisKey Key(long shard) => $"livenews-index-journal/{cluster.Value.ServiceId}/{shard}";

    public async Task AppendAsync(long shard, IReadOnlyList<StoryIndexJournalEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return;
        }

        var members = entries.Select(e => new SortedSetEntry(serializer.SerializeToArray(e), e.Sequence)).ToArray();
        var redis = await RedisConnections.GetAsync(connectionString).WaitAsync(cancellationToken);
        await redis.GetDatabase().SortedSetAddAsync(Key(shard), members).WaitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<StoryIndexJournalEntry>> ReadAfterAsync(long shard, long sequence, CancellationToken cancellationToken = default)
    {
        var redis = await RedisConnections.GetAsync(connectionString).WaitAsync(cancellationToken);
        var values = await redis.GetDatabase().SortedSetRangeByScoreAsync(Key(shard), sequence, double.PositiveInfinity, Exclude.Start).WaitAsync(cancellationToken);
        var entries = new List<StoryIndexJournalEntry>(values.Length);
        foreach (var value in values)
        {
            var bytes = (byte[]?)value;
            if (bytes is null || bytes.Length > MaxEntryBytes)
            {
                throw new InvalidDataException($"index shard {shard}: a journal entry is empty or larger than {MaxEntryBytes} bytes");
            }

            StoryIndexJournalEntry? entry;
            try
            {
                entry = serializer.Deserialize<StoryIndexJournalEntry>(bytes);
            }
            catch (Exception ex) when (ex is not (InvalidDataException or OutOfMemoryException))
            {
                throw new InvalidDataException($"index shard {shard}: a journal entry is not readable: {ex.Message}", ex);
            }

            entries.Add(entry ?? throw new InvalidDataException($"index shard {shard}: a journal entry is empty"));
        }

        return [.. entries.OrderBy(e => e.Sequence)];
    }

    public async Task TrimAsync(long shard, long sequence, CancellationToken cancellationToken = default)
    {
        var redis = await RedisConnections.GetAsync(connectionString).WaitAsync(cancellationToken);
        await redis.GetDatabase().SortedSetRemoveRangeByScoreAsync(Key(shard), double.NegativeInfinity, sequence).WaitAsync(cancellationToken);
    }
}
