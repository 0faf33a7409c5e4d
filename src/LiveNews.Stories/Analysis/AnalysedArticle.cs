namespace LiveNews.Stories.Analysis;

/// <summary>
/// An article version after text analysis: clean text, headline, term and entity features for story
/// matching, and sentence units for fact extraction. Plain data, serialisable as JSON.
/// </summary>
public sealed record AnalysedArticle
{
    public required string Id { get; init; }

    public string Source { get; init; } = "";

    public string? Url { get; init; }

    /// <summary>The headline: the given title, or one derived from the text.</summary>
    public string Headline { get; init; } = "";

    public DateTimeOffset Published { get; init; }

    /// <summary>Hash of the clean headline and text: the same version again has the same hash.</summary>
    public string ContentHash { get; init; } = "";

    /// <summary>Term features and their raw weights (title words count more; entities are prefixed '@').</summary>
    public Dictionary<string, float> Terms { get; init; } = new(StringComparer.Ordinal);

    /// <summary>Entity alias keys and how often the article names them.</summary>
    public Dictionary<string, int> Entities { get; init; } = new(StringComparer.Ordinal);

    /// <summary>A readable name per entity key (the longest form seen).</summary>
    public Dictionary<string, string> EntityNames { get; init; } = new(StringComparer.Ordinal);

    public List<SentenceUnit> Sentences { get; init; } = [];
}
