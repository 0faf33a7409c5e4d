namespace LiveNews.Abstractions.Contracts;

/// <summary>A feed's health as an operator sees it.</summary>
[GenerateSerializer, Immutable, Alias("LiveNews.FeedStatus")]
public sealed record FeedStatus
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string Url { get; init; }

    [Id(2)] public string? Title { get; init; }

    [Id(3)] public DateTimeOffset? LastPoll { get; init; }

    [Id(4)] public DateTimeOffset? NextPoll { get; init; }

    [Id(5)] public string? LastError { get; init; }

    [Id(6)] public int ConsecutiveFailures { get; init; }

    [Id(7)] public string? ETag { get; init; }

    [Id(8)] public int EntriesSeen { get; init; }

    [Id(9)] public bool Paused { get; init; }

    /// <summary>The silo that polls the feed now (its Orleans address), for operators tracing a node's work.</summary>
    [Id(10)] public string? Silo { get; init; }
}
