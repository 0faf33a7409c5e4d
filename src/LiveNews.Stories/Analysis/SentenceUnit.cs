namespace LiveNews.Stories.Analysis;

/// <summary>One sentence of an article with its fingerprint: content stems, entities, numbers.</summary>
public sealed record SentenceUnit
{
    public required string Text { get; init; }

    /// <summary>Distinct content-word stems (no stop words, no numbers).</summary>
    public string[] Stems { get; init; } = [];

    /// <summary>Distinct entity alias keys mentioned.</summary>
    public string[] Entities { get; init; } = [];

    /// <summary>Distinct numbers mentioned, normalised (1,200 is 1200).</summary>
    public string[] Numbers { get; init; } = [];

    /// <summary>Text inside quotation marks, if any (quotes are facts of their own).</summary>
    public string? Quote { get; init; }

    /// <summary>Index of the paragraph the sentence stands in (0 = first).</summary>
    public int Paragraph { get; init; }

    /// <summary>Index of the sentence in the article (0 = first).</summary>
    public int Position { get; init; }
}
