namespace LiveNews.Grains.Stories;

/// <summary>
/// How long a story grain keeps what it holds in memory ("LiveNews:Stories", beside the engine's options).
/// A developing story takes its versions in bursts and a node holds far more quiet stories than busy
/// ones, so a quiet story should cost its stored bytes, not its objects.
/// </summary>
public sealed class StoryGrainOptions
{
    /// <summary>Configuration section (shared with <see cref="LiveNews.Stories.StoryEngineOptions"/>).</summary>
    public const string Section = "LiveNews:Stories";

    /// <summary>
    /// How long a story grain keeps its state as objects after its last call. After that it lets go of it
    /// (the state is in storage) and reads it back on the next call, which costs one storage read of a few
    /// compressed KiB. <see cref="Timeout.InfiniteTimeSpan"/> keeps the state for the grain's whole life.
    /// </summary>
    public TimeSpan StoryStateHoldTime { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a story grain stays in memory at all after its last call (Orleans' collection age for story
    /// grains, at least a minute; Orleans' default is fifteen). Waking it is one storage read.
    /// </summary>
    public TimeSpan StoryIdleTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long an index shard's change may wait before the shard writes its snapshot (longer when the
    /// snapshot is costly: saves keep to about a twentieth of the shard's time). Unset: a second when the
    /// storage outlives the silo (the Redis profile); with in-memory storage (the embedded profile) a shard
    /// writes its snapshot only when it is deactivated or asked to, since a crash takes that storage down with
    /// the shard: snapshots once a second would only make garbage (megabytes on the large-object heap each
    /// time, which set off a background collection every two seconds and doubled the pauses).
    /// <see cref="Timeout.InfiniteTimeSpan"/> turns periodic snapshots off in any profile (with the index
    /// journal on, the journal then keeps every assignment until the shard's next deactivation).
    /// </summary>
    public TimeSpan? IndexSaveDelay { get; set; }

    /// <summary>The snapshot delay of a shard whose storage outlives the silo, unless <see cref="IndexSaveDelay"/> says otherwise.</summary>
    public static readonly TimeSpan DurableIndexSaveDelay = TimeSpan.FromSeconds(1);

    /// <summary>How often an index shard writes its changes as a snapshot; null: only on deactivation or when asked.</summary>
    /// <param name="storageIsInMemory">Whether the state storage lives in the silo's memory (the embedded profile).</param>
    public TimeSpan? IndexSaveDelayFor(bool storageIsInMemory) => IndexSaveDelay switch
    {
        { } configured when configured == Timeout.InfiniteTimeSpan => null,
        { } configured => configured,
        null when storageIsInMemory => null,
        null => DurableIndexSaveDelay,
    };

    /// <summary>
    /// Whether an index shard appends each assignment (and each side of a merge) to its journal
    /// (<see cref="IStoryIndexJournal"/>) before it answers, so that a shard restored after a crash from a snapshot that is up to
    /// <see cref="IndexSaveDelay"/> old (or more) still knows where every article went: a version sent
    /// again after a failover then lands in its story as a duplicate, not in a second story. Unset: on
    /// when a journal is registered (the Redis profile), off otherwise (the embedded profile, whose
    /// in-memory storage a crash takes down with the shard anyway). On without a journal is an error.
    /// </summary>
    public bool? IndexJournal { get; set; }
}
