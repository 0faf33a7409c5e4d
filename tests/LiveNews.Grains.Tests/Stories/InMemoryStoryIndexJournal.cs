using System.Collections.Concurrent;
using LiveNews.Grains.Stories;

namespace LiveNews.Grains.Tests.Stories;

/// <summary>An index journal in this process, shared by the test cluster's silos, that tests can read.</summary>
public sealed class InMemoryStoryIndexJournal : IStoryIndexJournal
{
    private readonly ConcurrentDictionary<long, SortedDictionary<long, StoryIndexJournalEntry>> _shards = new();

    /// <summary>Entries appended so far (an entry appended twice counts twice).</summary>
    public int Appended => Volatile.Read(ref _appended);

    private int _appended;

    /// <summary>What the journal holds now, over all shards.</summary>
    public IReadOnlyList<StoryIndexJournalEntry> Entries()
    {
        var all = new List<StoryIndexJournalEntry>();
        foreach (var shard in _shards.Values)
        {
            lock (shard)
            {
                all.AddRange(shard.Values);
            }
        }

        return all;
    }

    public Task AppendAsync(long shard, IReadOnlyList<StoryIndexJournalEntry> entries, CancellationToken cancellationToken = default)
    {
        var log = _shards.GetOrAdd(shard, _ => []);
        lock (log)
        {
            foreach (var entry in entries)
            {
                log[entry.Sequence] = entry;
                Interlocked.Increment(ref _appended);
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoryIndexJournalEntry>> ReadAfterAsync(long shard, long sequence, CancellationToken cancellationToken = default)
    {
        var log = _shards.GetOrAdd(shard, _ => []);
        lock (log)
        {
            return Task.FromResult<IReadOnlyList<StoryIndexJournalEntry>>([.. log.Values.Where(e => e.Sequence > sequence)]);
        }
    }

    public Task TrimAsync(long shard, long sequence, CancellationToken cancellationToken = default)
    {
        var log = _shards.GetOrAdd(shard, _ => []);
        lock (log)
        {
            foreach (var key in log.Keys.Where(k => k <= sequence).ToList())
            {
                log.Remove(key);
            }
        }

        return Task.CompletedTask;
    }
}
