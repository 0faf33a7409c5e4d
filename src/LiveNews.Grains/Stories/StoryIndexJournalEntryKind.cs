namespace LiveNews.Grains.Stories;

/// <summary>What a <see cref="StoryIndexJournalEntry"/> records.</summary>
public enum StoryIndexJournalEntryKind
{
    /// <summary>An article assigned to a story (every entry written before merges were journalled).</summary>
    Assignment = 0,

    /// <summary>A story of this shard merged into a survivor, which may live in another shard.</summary>
    Detach = 1,

    /// <summary>A merged story's profile folded into a survivor held by this shard.</summary>
    Absorb = 2,
}
