namespace LiveNews.Stories.Matching;

/// <summary>The matcher's decision for one article: the story it joins (or null to open one) and why.</summary>
/// <param name="StoryId">The best story at or above the threshold; null when none is close enough.</param>
/// <param name="Score">The best score seen.</param>
/// <param name="Candidates">How many stories were scored.</param>
public sealed record StoryMatch(string? StoryId, double Score, int Candidates)
{
    /// <summary>Other stories that scored at or above the merge threshold (the article may show they are one).</summary>
    public IReadOnlyList<string> RunnersUp { get; init; } = [];

    /// <summary>The scores of <see cref="RunnersUp"/>, in the same order.</summary>
    public IReadOnlyList<double> RunnerUpScores { get; init; } = [];

    /// <summary>True when the article was assigned before (a new version of a known entry): <see cref="StoryId"/> is its story.</summary>
    public bool Known { get; init; }

    /// <summary>
    /// <see cref="Known"/> only from a further part of the article's page ("id#n" went to that story): a
    /// weaker hint than the article itself having been assigned, which another matcher may hold.
    /// </summary>
    public bool KnownByPage { get; init; }
}
