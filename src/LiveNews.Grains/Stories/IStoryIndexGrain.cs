using LiveNews.Stories.Analysis;

namespace LiveNews.Grains.Stories;

/// <summary>
/// The term index: story centroids, learned document frequencies and the inverted index from terms to
/// stories. Decides which story an analysed article joins, or opens a new one. Calls are serialised,
/// so two versions of a new story arriving together cannot open two stories.
/// </summary>
public interface IStoryIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Assigns an article to a story, never to one of <paramref name="exclude"/> (the stories of other parts of its page).</summary>
    Task<IndexDecision> AssignAsync(Immutable<AnalysedArticle> article, string[] exclude);

    /// <summary>Live stories in the index.</summary>
    Task<int> CountAsync();

    /// <summary>Writes the index's snapshot now if it changed (it is also written a few seconds after each change).</summary>
    Task SaveAsync();
}
