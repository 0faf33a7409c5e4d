using LiveNews.Stories.Engine;

namespace LiveNews.Grains.Stories;

/// <summary>The persisted state of a story grain: the engine's <see cref="StoryState"/> and its publication outbox.</summary>
[GenerateSerializer, Alias("LiveNews.StoryClusterGrainState")]
public sealed class StoryClusterGrainState
{
    [Id(0)] public StoryState Story { get; set; } = new();

    /// <summary>
    /// Events written with the story but not yet known to be on the stream: published before anything
    /// else on the next call or activation, so a crash between the write and the publication loses none
    /// (one may reach the stream twice; consumers know events by story id and sequence).
    /// </summary>
    [Id(1)] public List<LiveNews.Abstractions.Contracts.StoryEvent> Unpublished { get; set; } = [];
}
