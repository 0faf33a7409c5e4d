namespace LiveNews.Stories.Analysis;

/// <summary>An article version as it comes in, before analysis (mirrors the article JSONL contract).</summary>
public sealed record ArticleInput
{
    public required string Id { get; init; }

    public string Source { get; init; } = "";

    public string? Url { get; init; }

    public string? Title { get; init; }

    public DateTimeOffset Published { get; init; }

    public string? Text { get; init; }

    public string? Html { get; init; }
}
