namespace LiveNews.Text.Furniture;

/// <summary>One non-empty line of a page and what it is (<see cref="FurnitureKind.None"/> for article text).</summary>
public readonly record struct PageLine(string Text, FurnitureKind Kind)
{
    public bool IsText => Kind == FurnitureKind.None;
}
