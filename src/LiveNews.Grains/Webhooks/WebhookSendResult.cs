namespace LiveNews.Grains.Webhooks;

/// <summary>What one POST to an endpoint came to.</summary>
public sealed record WebhookSendResult
{
    /// <summary>The HTTP status, or null when no answer came (timeout, refused address, connection error).</summary>
    public int? StatusCode { get; init; }

    /// <summary>Why it failed, for the delivery log; null on success.</summary>
    public string? Error { get; init; }

    /// <summary>The Retry-After the endpoint asked for, already turned into a delay.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public TimeSpan Latency { get; init; }

    public bool Succeeded => StatusCode is >= 200 and <= 299;
}
