namespace LiveNews.Abstractions.Contracts.Webhooks;

/// <summary>One delivery attempt in an endpoint's log.</summary>
[GenerateSerializer, Immutable, Alias("LiveNews.WebhookDelivery")]
public sealed record WebhookDelivery
{
    /// <summary>The <c>webhook-id</c> header: the same on every attempt of one message.</summary>
    [Id(0)] public required string MessageId { get; init; }

    [Id(1)] public StoryEventType EventType { get; init; }

    [Id(2)] public string? StoryId { get; init; }

    [Id(3)] public long Sequence { get; init; }

    /// <summary>1 for the first attempt of a message (manual redeliveries count on).</summary>
    [Id(4)] public int Attempt { get; init; }

    [Id(5)] public DateTimeOffset At { get; init; }

    [Id(6)] public WebhookAttemptOutcome Outcome { get; init; }

    /// <summary>The HTTP status, when an answer came.</summary>
    [Id(7)] public int? StatusCode { get; init; }

    [Id(8)] public double LatencyMs { get; init; }

    /// <summary>Why the attempt failed: timeout, refused address, connection error, status and the start of the body.</summary>
    [Id(9)] public string? Error { get; init; }

    [Id(10)] public bool Manual { get; init; }

    [Id(11)] public DateTimeOffset? NextAttemptAt { get; init; }
}
