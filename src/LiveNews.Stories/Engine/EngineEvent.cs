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
    IReadOnlyList<string> Sources);
