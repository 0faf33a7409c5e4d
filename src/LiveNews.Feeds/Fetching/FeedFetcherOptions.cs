namespace LiveNews.Feeds.Fetching;

/// <summary>Limits and manners of feed fetching (configuration "LiveNews:Feeds:Fetch").</summary>
public sealed class FeedFetcherOptions
{
    /// <summary>Largest body read, counted after gzip/brotli/deflate decoding.</summary>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Time allowed for one attempt (headers and body).</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>Retries on transient failures (network errors, 5xx, 408), with jittered exponential backoff.</summary>
    public int MaxRetries { get; set; } = 2;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests in the sampling window before the circuit breaker may open for a host.</summary>
    public int CircuitMinimumThroughput { get; set; } = 6;

    /// <summary>How long a host whose circuit opened is left alone.</summary>
    public TimeSpan CircuitBreakDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Redirects followed per fetch.</summary>
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Requests in flight per host at once.</summary>
    public int MaxConcurrentPerHost { get; set; } = 2;

    public string UserAgent { get; set; } = "LiveNews/1.0 (feed reader; +https://github.com/livenews)";
}
