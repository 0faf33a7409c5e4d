namespace LiveNews.Feeds.Parsing;

/// <summary>A parsed feed: its own fields and its entries.</summary>
public sealed record FeedDocument
{
    public FeedFormat Format { get; init; }

    /// <summary>The format's version as the document states it ("2.0", "1.0", "0.3", "1.1").</summary>
    public string? Version { get; init; }

    /// <summary>The feed's own identity (Atom id), when it has one.</summary>
    public string? Id { get; init; }

    public string? Title { get; init; }

    public string? Link { get; init; }

    public string? Description { get; init; }

    public string? Language { get; init; }

    public DateTimeOffset? Updated { get; init; }

    /// <summary>RSS ttl in minutes, when given (a polling hint).</summary>
    public int? TimeToLiveMinutes { get; init; }

    public IReadOnlyList<FeedEntry> Entries { get; init; } = [];
}
