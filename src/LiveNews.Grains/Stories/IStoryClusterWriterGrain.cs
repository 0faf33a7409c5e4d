using LiveNews.Abstractions.Contracts;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;

namespace LiveNews.Grains.Stories;

/// <summary>
/// The writing side of a story grain (the same grain as <see cref="LiveNews.Abstractions.Grains.IStoryClusterGrain"/>):
/// takes in an analysed article version, persists, publishes the event.
/// </summary>
public interface IStoryClusterWriterGrain : IGrainWithStringKey
{
    Task<StoryEvent> AddVersionAsync(Immutable<AnalysedArticle> article, DateTimeOffset? receivedAt);

    /// <summary>Folds the given stories into this one; publishes and returns the StoriesMerged event.</summary>
    Task<StoryEvent> AbsorbAsync(string[] storyIds);

    /// <summary>
    /// Hands this story's state over to <paramref name="survivorId"/> and marks it merged; a story
    /// already handed over gives an empty state. The state travels as a copy (not Immutable).
    /// </summary>
    Task<StoryState> HandOverAsync(string survivorId);

    /// <summary>
    /// Publishes <paramref name="streams"/> warm-up events, one on each of as many streams of
    /// <see cref="LiveNews.Abstractions.StreamNames.WarmupNamespace"/> (spread over the provider's queues), by
    /// the same path as a story's events; changes nothing (the warm-up calls it on its own grain).
    /// </summary>
    Task WarmUpStreamAsync(int streams);
}
