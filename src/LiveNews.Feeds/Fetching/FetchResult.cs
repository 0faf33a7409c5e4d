namespace LiveNews.Feeds.Fetching;

/// <summary>The result of fetching a feed once.</summary>
public sealed record FetchResult
{
    public required FetchOutcome Outcome { get; init; }

    public int? StatusCode { get; init; }

    public byte[]? Body { get; init; }

    public string? ContentType { get; init; }

    public string? ETag { get; init; }

    public string? LastModified { get; init; }

    /// <summary>When the server asked to wait (Retry-After), as a delay.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Cache-Control max-age or Expires, as a delay: how long the document stays fresh.</summary>
    public TimeSpan? FreshFor { get; init; }

    /// <summary>The address a permanent redirect (301, 308) pointed to.</summary>
    public Uri? PermanentRedirect { get; init; }

    /// <summary>The address the body finally came from (after redirects).</summary>
    public Uri? FinalUrl { get; init; }

    /// <summary>Why it failed, for the feed's status.</summary>
    public string? Error { get; init; }
}
