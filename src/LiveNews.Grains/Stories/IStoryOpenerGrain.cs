using LiveNews.Stories.Analysis;

namespace LiveNews.Grains.Stories;

/// <summary>
/// Opens new stories, one at a time (key 0), so that two versions of a new story arriving together cannot
/// open two stories: before opening, it scores the article against the stories opened since the shards
/// answered, and joins one of them when close enough.
/// </summary>
public interface IStoryOpenerGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Opens <paramref name="newStoryId"/> for the article, or joins a story opened since the shards answered
    /// (<paramref name="openedSeen"/>: each shard's opened count in its answer).
    /// </summary>
    Task<IndexDecision> OpenAsync(Immutable<AnalysedArticle> article, string newStoryId, string[] exclude, long[] openedSeen);
}
