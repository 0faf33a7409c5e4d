using LiveNews.Abstractions.Contracts;
using LiveNews.Feeds.Polling;

namespace LiveNews.Grains.Feeds;

/// <summary>What a feed reader remembers: the subscription, validators, seen entries and health.</summary>
[GenerateSerializer, Alias("LiveNews.FeedReaderState")]
public sealed class FeedReaderState
{
    [Id(0)] public FeedSubscription? Subscription { get; set; }

    /// <summary>The address polled now (a permanent redirect replaces the subscribed one).</summary>
    [Id(1)] public string? Url { get; set; }

    [Id(2)] public string? ETag { get; set; }

    [Id(3)] public string? LastModified { get; set; }

    [Id(4)] public SeenEntries Seen { get; set; } = new();

    [Id(5)] public string? Title { get; set; }

    [Id(6)] public DateTimeOffset? LastPoll { get; set; }

    [Id(7)] public DateTimeOffset? NextPoll { get; set; }

    [Id(8)] public string? LastError { get; set; }

    [Id(9)] public int ConsecutiveFailures { get; set; }

    [Id(10)] public int EntriesSeen { get; set; }

    [Id(11)] public bool Paused { get; set; }

    /// <summary>Permanent redirects seen in a row (the address changes after three).</summary>
    [Id(12)] public PermanentRedirects Redirects { get; set; } = new();
}
