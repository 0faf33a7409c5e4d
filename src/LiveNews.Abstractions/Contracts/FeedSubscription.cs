namespace LiveNews.Abstractions.Contracts;

/// <summary>What an operator subscribes: a feed URL and how to read it.</summary>
[GenerateSerializer, Immutable, Alias("LiveNews.FeedSubscription")]
public sealed record FeedSubscription
{
    [Id(0)] public required string Url { get; init; }

    /// <summary>Name shown as the source of its articles; defaults to the feed's own title.</summary>
    [Id(1)] public string? Source { get; init; }

    /// <summary>Fetch each entry's linked page and extract the full article (for feeds that carry only summaries).</summary>
    [Id(2)] public bool FullText { get; init; }

    /// <summary>How entries are told apart: "auto" (GUID, else link, else hash), "link" or "hash".</summary>
    [Id(3)] public string? Identity { get; init; }
}
