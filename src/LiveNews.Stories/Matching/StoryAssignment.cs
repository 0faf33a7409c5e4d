namespace LiveNews.Stories.Matching;

/// <summary>
/// One article assigned to a story by <see cref="StoryMatcher.Commit(LiveNews.Stories.Analysis.AnalysedArticle, string, bool, long?, out StoryAssignment?)"/>,
/// described so that a matcher restored from an older snapshot can make it again
/// (<see cref="StoryMatcher.Replay"/>): which article, which story, whether it opened the story (and
/// the story's age), and the article's term vector as it was added to the story's centroid.
/// </summary>
public sealed class StoryAssignment
{
    public required string ArticleId { get; init; }

    public required string StoryId { get; init; }

    /// <summary>The article opened the story.</summary>
    public bool Opens { get; init; }

    /// <summary>The story's ordinal (its age among all matchers).</summary>
    public long Ordinal { get; init; }

    public DateTimeOffset Published { get; init; }

    /// <summary>The article's terms, each with its weight in <see cref="Weights"/> at the same position.</summary>
    public required string[] Terms { get; init; }

    public required float[] Weights { get; init; }
}
