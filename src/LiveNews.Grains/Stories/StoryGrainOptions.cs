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
}
