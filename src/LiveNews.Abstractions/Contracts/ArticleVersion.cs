using System.Text.Json.Serialization;

namespace LiveNews.Abstractions.Contracts;

/// <summary>
/// One version of one feed entry or pushed article: the unit that flows into the story pipeline.
/// The same <see cref="Id"/> with other text is a new version of that entry.
/// </summary>
[GenerateSerializer, Immutable, Alias("LiveNews.ArticleVersion")]
public sealed record ArticleVersion
{
    /// <summary>The entry's identity (stable across versions).</summary>
    [Id(0)] public required string Id { get; init; }

    /// <summary>Who published it (outlet or feed name).</summary>
    [Id(1)] public string Source { get; init; } = "";

    [Id(2)] public string? Url { get; init; }

    /// <summary>The headline; null when the entry has none and it must be derived from the text.</summary>
    [Id(3)] public string? Title { get; init; }

    [Id(4)] public DateTimeOffset? Published { get; init; }

    /// <summary>Plain text body (may be raw and messy).</summary>
    [Id(5)] public string? Text { get; init; }

    /// <summary>HTML body, used when <see cref="Text"/> is absent.</summary>
    [Id(6)] public string? Html { get; init; }

    /// <summary>When LiveNews received this version (set by the ingesting side, not by the publisher).</summary>
    [Id(7)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>The version number of this entry as its feed reader counted it (1 for the first seen).</summary>
    [Id(8)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int Version { get; init; }
}
