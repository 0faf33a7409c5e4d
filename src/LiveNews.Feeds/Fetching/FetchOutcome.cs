namespace LiveNews.Feeds.Fetching;

/// <summary>How a fetch ended.</summary>
public enum FetchOutcome
{
    /// <summary>200 with a body.</summary>
    Fetched,

    /// <summary>304: nothing changed since the validators.</summary>
    NotModified,

    /// <summary>410: the feed is gone for good.</summary>
    Gone,

    /// <summary>429 or 503: the server asks to come back later (see RetryAfter).</summary>
    Throttled,

    /// <summary>Any other failure (status, network, timeout, size, refused address).</summary>
    Failed,
}
