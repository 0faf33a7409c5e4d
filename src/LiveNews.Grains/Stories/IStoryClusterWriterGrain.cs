using LiveNews.Abstractions.Contracts;
using LiveNews.Stories.Analysis;

namespace LiveNews.Grains.Stories;

/// <summary>
/// The writing side of a story grain (the same grain as <see cref="LiveNews.Abstractions.Grains.IStoryClusterGrain"/>):
/// takes in an analysed article version, persists, publishes the event.
/// </summary>
public interface IStoryClusterWriterGrain : IGrainWithStringKey
{
    Task<StoryEvent> AddVersionAsync(Immutable<AnalysedArticle> article, DateTimeOffset? receivedAt);
}
