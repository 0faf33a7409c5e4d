namespace LiveNews.Feeds.Fetching;

/// <summary>What a conditional GET sends: the validators of the last successful fetch.</summary>
public sealed record FetchConditions(string? ETag, string? LastModified);
