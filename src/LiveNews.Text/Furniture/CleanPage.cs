namespace LiveNews.Text.Furniture;

/// <summary>A page with its furniture taken out: the article's paragraphs and what was dropped and why.</summary>
public sealed record CleanPage(IReadOnlyList<string> Paragraphs, IReadOnlyList<(string Line, FurnitureKind Kind)> Removed);
