using LiveNews.Stories.Facts;

namespace LiveNews.Stories.Engine;

/// <summary>What the in-process engine says happened to one article version (the pipeline's event, minus transport).</summary>
public sealed record EngineEvent(
    StoryUpdateKind Kind,
    string StoryId,
    string ArticleId,
    long Sequence,
    string Headline,
    IReadOnlyList<RankedFact> NewFacts,
    IReadOnlyList<string> Sources)
{
    /// <summary>For a merge: the stories folded into <see cref="StoryId"/>.</summary>
    public IReadOnlyList<string> Absorbed { get; init; } = [];

    /// <summary>True for the event that reports a merge (its <see cref="Kind"/> is not about an article).</summary>
    public bool IsMerge => Absorbed.Count > 0;
}
