namespace LiveNews.Abstractions.Contracts.Webhooks;

/// <summary>A webhook endpoint as operators see it (never its secret).</summary>
[GenerateSerializer, Immutable, Alias("LiveNews.WebhookEndpointInfo")]
public sealed record WebhookEndpointInfo
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public required string Url { get; init; }

    [Id(2)] public required WebhookFilter Filter { get; init; }

    [Id(3)] public WebhookFormat Format { get; init; }

    [Id(4)] public string? Description { get; init; }

    [Id(5)] public bool Enabled { get; init; }

    /// <summary>Why the endpoint was disabled (410 Gone, failing too long, by hand).</summary>
    [Id(6)] public string? DisabledReason { get; init; }

    [Id(7)] public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Messages waiting for delivery, the first of them possibly being retried.</summary>
    [Id(8)] public int Pending { get; init; }

    [Id(9)] public long Delivered { get; init; }

    /// <summary>Messages given up on after the last retry.</summary>
    [Id(10)] public long Failed { get; init; }

    [Id(11)] public DateTimeOffset? LastSuccessAt { get; init; }

    /// <summary>When the current run of failures began (null after a success).</summary>
    [Id(12)] public DateTimeOffset? FailingSince { get; init; }

    [Id(13)] public DateTimeOffset? NextAttemptAt { get; init; }
}
