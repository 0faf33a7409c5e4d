using LiveNews.Stories.Analysis;
using Orleans.Concurrency;
using LiveNews.Stories.Matching;

namespace LiveNews.Grains.Stories;

/// <summary>
/// One shard of the term index (key: the shard number). Holds the stories whose id hashes to it
/// (<see cref="LiveNews.Stories.Engine.StoryIds.Shard"/>): their centroids and entities, the inverted index
/// from terms to them, and which article went to which; learns document frequencies from every article.
/// <see cref="ShardedStoryIndex"/> asks every shard for its best story, picks, merges and commits;
/// <see cref="IStoryOpenerGrain"/> serialises the opening of new stories.
/// </summary>
public interface IStoryIndexGrain : IGrainWithIntegerKey
{
    /// <summary>Learns the article's terms; this shard's best story for it (never one of <paramref name="exclude"/>).</summary>
    Task<ShardProposal> ProposeAsync(Immutable<AnalysedArticle> article, string[] exclude);

    /// <summary>
    /// Assigns the article to a story of this shard, or opens it (<paramref name="opens"/>, with its age
    /// <paramref name="ordinal"/>). Answers where the story went when it was merged away meanwhile.
    /// Interleaves: a commit that waits for its journal write (<see cref="StoryGrainOptions.IndexJournal"/>)
    /// lets the shard go on meanwhile.
    /// </summary>
    [AlwaysInterleave]
    Task<ShardCommit> CommitAsync(Immutable<AnalysedArticle> article, string storyId, bool opens, long ordinal);

    /// <summary>The best of <paramref name="storyIds"/> for the article, learning nothing.</summary>
    Task<ShardProposal> ScoreAsync(Immutable<AnalysedArticle> article, string[] storyIds, string[] exclude);

    /// <summary>The profiles of those of <paramref name="storyIds"/> held here.</summary>
    Task<Immutable<StoryProfile[]>> GetProfilesAsync(string[] storyIds);

    /// <summary>
    /// Takes a story out: it was merged into <paramref name="survivor"/>. Null when not held here (any more).
    /// With a journal, answers once the journal holds the change.
    /// </summary>
    Task<Immutable<StoryProfile?>> DetachAsync(string storyId, string survivor);

    /// <summary>Folds a detached story into <paramref name="survivor"/>, held here. With a journal, answers once the journal holds the change.</summary>
    Task AbsorbAsync(string survivor, Immutable<StoryProfile> absorbed);

    /// <summary>Live stories in this shard.</summary>
    Task<int> CountAsync();

    /// <summary>Writes the shard's snapshot now if it changed (it is also written a few seconds after each change).</summary>
    Task SaveAsync();
}
