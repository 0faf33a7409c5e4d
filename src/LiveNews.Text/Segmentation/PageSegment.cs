namespace LiveNews.Text.Segmentation;

/// <summary>One article of a page: its headline (null for the first, whose headline comes from elsewhere) and paragraphs.</summary>
public sealed record PageSegment(string? Headline, IReadOnlyList<string> Paragraphs);
