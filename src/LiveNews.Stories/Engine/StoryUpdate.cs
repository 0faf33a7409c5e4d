using LiveNews.Stories.Facts;

namespace LiveNews.Stories.Engine;

/// <summary>The outcome of adding one article version to a story.</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Sequence">The story's event sequence number for this outcome.</param>
/// <param name="NewFacts">New facts, best first (for <see cref="StoryUpdateKind.Created"/>, the opening facts).</param>
public sealed record StoryUpdate(StoryUpdateKind Kind, long Sequence, IReadOnlyList<RankedFact> NewFacts);
