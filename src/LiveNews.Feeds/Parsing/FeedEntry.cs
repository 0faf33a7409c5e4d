namespace LiveNews.Feeds.Parsing;

/// <summary>One entry of a feed, as LiveNews uses it.</summary>
public sealed record FeedEntry
{
    /// <summary>The entry's own identity (RSS guid, Atom id, JSON Feed id); null when it has none.</summary>
    public string? Id { get; init; }

    public string? Link { get; init; }

    /// <summary>The title as plain text.</summary>
    public string? Title { get; init; }

    /// <summary>Short description (RSS description, Atom summary), HTML or text as published.</summary>
    public string? Summary { get; init; }

    /// <summary>Full content (content:encoded, Atom content, content_html), HTML or text as published.</summary>
    public string? Content { get; init; }

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Updated { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>Enclosure and media URLs (images, audio, video).</summary>
    public IReadOnlyList<string> Media { get; init; } = [];
}
