namespace LiveNews.Text.Furniture;

/// <summary>A page with its furniture taken out: the article's paragraphs, what was dropped and why, and every line in order.</summary>
public sealed record CleanPage(IReadOnlyList<string> Paragraphs, IReadOnlyList<(string Line, FurnitureKind Kind)> Removed, IReadOnlyList<PageLine> Lines);
