namespace LiveNews.Stories.Facts;

/// <summary>A fact a story knows: the sentence that first told it, its fingerprint and where it came from.</summary>
public sealed class KnownFact
{
    public required string Text { get; set; }

    public string[] Stems { get; set; } = [];

    public string[] Entities { get; set; } = [];

    public string[] Numbers { get; set; } = [];

    public string? Quote { get; set; }

    public string Source { get; set; } = "";

    public string? Url { get; set; }

    public string ArticleId { get; set; } = "";

    public DateTimeOffset At { get; set; }

    /// <summary>How many distinct sources told this fact.</summary>
    public int SourceCount { get; set; } = 1;
}
