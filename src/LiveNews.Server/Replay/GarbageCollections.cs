namespace LiveNews.Server.Replay;

/// <summary>Garbage collections of each generation over a span of the run, and their total pause time in milliseconds.</summary>
public sealed record GarbageCollections(int Gen0, int Gen1, int Gen2, double PauseMilliseconds)
{
    /// <summary>The longest pause of each generation's collections (null when not listened for).</summary>
    public GcPauses? Pauses { get; init; }

    /// <summary>The process's collections and pause time so far; subtract two of these for a span.</summary>
    public static GarbageCollections Now() =>
        new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalMilliseconds);

    /// <summary>What happened between <paramref name="before"/> and <paramref name="after"/>.</summary>
    public static GarbageCollections operator -(GarbageCollections after, GarbageCollections before)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(before);
        return new(after.Gen0 - before.Gen0, after.Gen1 - before.Gen1, after.Gen2 - before.Gen2, after.PauseMilliseconds - before.PauseMilliseconds);
    }
}
