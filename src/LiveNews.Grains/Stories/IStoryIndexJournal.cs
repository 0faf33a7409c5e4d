namespace LiveNews.Grains.Stories;

/// <summary>
/// Where index shards journal their assignments and merges: an append-only log per shard that outlives a silo (the
/// Redis profile registers one; the embedded profile none, as a crash takes its in-memory storage down
/// with the shard). A shard appends before its commits (and its sides of merges) answer, reads what is newer than its snapshot when
/// it activates, and trims what a stored snapshot holds.
/// </summary>
public interface IStoryIndexJournal
{
    /// <summary>
    /// Appends <paramref name="entries"/> (ascending sequences) to the shard's log; completes once stored.
    /// Appending an entry again (after an append whose answer was lost) stores it once.
    /// </summary>
    Task AppendAsync(long shard, IReadOnlyList<StoryIndexJournalEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>The shard's entries with a sequence above <paramref name="sequence"/>, in order.</summary>
    Task<IReadOnlyList<StoryIndexJournalEntry>> ReadAfterAsync(long shard, long sequence, CancellationToken cancellationToken = default);

    /// <summary>Drops the shard's entries up to and including <paramref name="sequence"/> (a stored snapshot holds them).</summary>
    Task TrimAsync(long shard, long sequence, CancellationToken cancellationToken = default);
}
