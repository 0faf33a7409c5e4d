namespace LiveNews.Grains.Stories;

/// <summary>
/// When a story grain may let go of its state: once <see cref="HoldTime"/> has passed since its last use.
/// Plain bookkeeping over the grain's clock, so the rule is tested without a cluster or a wait.
/// </summary>
public sealed class StoryStateHold(TimeProvider time, TimeSpan holdTime)
{
    private long _lastUse = time.GetTimestamp();

    /// <summary>How long the state is kept after its last use; infinite keeps it for good.</summary>
    public TimeSpan HoldTime { get; } = holdTime < TimeSpan.Zero && holdTime != Timeout.InfiniteTimeSpan
        ? throw new ArgumentOutOfRangeException(nameof(holdTime), holdTime, "The hold time is zero or more, or infinite.")
        : holdTime;

    /// <summary>True when the state is never let go.</summary>
    public bool HoldsForever => HoldTime == Timeout.InfiniteTimeSpan;

    /// <summary>Records a use now.</summary>
    public void Touch() => _lastUse = time.GetTimestamp();

    /// <summary>How long until the state may go: zero once it may go now; infinite when it never may.</summary>
    public TimeSpan TimeLeft()
    {
        if (HoldsForever)
        {
            return Timeout.InfiniteTimeSpan;
        }

        var left = HoldTime - time.GetElapsedTime(_lastUse);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
