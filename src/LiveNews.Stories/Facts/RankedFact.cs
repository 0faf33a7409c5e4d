namespace LiveNews.Stories.Facts;

/// <summary>A new fact with its rank score (higher is more important) and where it came from.</summary>
public sealed record RankedFact(string Text, double Score, string Source, string? Url);
