using LiveNews.Stories.Engine;

namespace LiveNews.Grains.Stories;

/// <summary>The persisted state of a story grain: the engine's <see cref="StoryState"/>.</summary>
[GenerateSerializer, Alias("LiveNews.StoryClusterGrainState")]
public sealed class StoryClusterGrainState
{
    [Id(0)] public StoryState Story { get; set; } = new();
}
