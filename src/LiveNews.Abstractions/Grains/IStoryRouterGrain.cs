using System.Collections.Immutable;
using LiveNews.Abstractions.Contracts;

namespace LiveNews.Abstractions.Grains;

/// <summary>
/// The entry point of the story pipeline: a stateless worker that analyses an article version,
/// finds the story it belongs to (or opens one) and hands it to that story's grain.
/// </summary>
public interface IStoryRouterGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Routes one article version; returns the events it caused (one per article part: a page that
    /// carries several articles yields several), after they were published to the "stories" stream.
    /// </summary>
    Task<ImmutableArray<StoryEvent>> IngestAsync(ArticleVersion article);
}
