using LiveNews.Abstractions.Contracts;

namespace LiveNews.Abstractions.Grains;

/// <summary>One story: its versions, its known facts, its headline. Keyed by story id.</summary>
public interface IStoryClusterGrain : IGrainWithStringKey
{
    /// <summary>The story as it stands, or null when no story has this id.</summary>
    Task<StorySnapshot?> GetSnapshotAsync();
}
