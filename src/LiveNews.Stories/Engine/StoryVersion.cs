namespace LiveNews.Stories.Engine;

/// <summary>One article version a story holds.</summary>
public sealed class StoryVersion
{
    public required string ArticleId { get; set; }

    public string ContentHash { get; set; } = "";

    public string Source { get; set; } = "";

    public string? Url { get; set; }

    public string Title { get; set; } = "";

    public DateTimeOffset Published { get; set; }

    /// <summary>When the story took this version in.</summary>
    public DateTimeOffset At { get; set; }

    public int NewFactCount { get; set; }
}
