using LiveNews.Abstractions.Contracts.Webhooks;

namespace LiveNews.Grains.Webhooks;

/// <summary>A webhook endpoint's persisted state: configuration, the outbox, recent messages and the delivery log.</summary>
[GenerateSerializer, Alias("LiveNews.WebhookEndpointState")]
public sealed class WebhookEndpointState
{
    /// <summary>Null until the endpoint is created.</summary>
    [Id(0)] public string? Url { get; set; }

    [Id(1)] public WebhookFilter Filter { get; set; } = new();

    [Id(2)] public WebhookFormat Format { get; set; }

    [Id(3)] public string? Description { get; set; }

    /// <summary>Signing secrets, newest last; a rotated-out secret carries its expiry.</summary>
    [Id(4)] public List<WebhookSecret> Secrets { get; set; } = [];

    [Id(5)] public bool Enabled { get; set; }

    [Id(6)] public string? DisabledReason { get; set; }

    [Id(7)] public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Messages to deliver, in order; the first is the one being tried.</summary>
    [Id(8)] public List<WebhookMessage> Outbox { get; set; } = [];

    /// <summary>Finished messages (delivered or given up), newest last, for redelivery.</summary>
    [Id(9)] public List<WebhookMessage> Recent { get; set; } = [];

    /// <summary>Attempts, oldest first.</summary>
    [Id(10)] public List<WebhookDelivery> Log { get; set; } = [];

    [Id(11)] public long Delivered { get; set; }

    [Id(12)] public long Failed { get; set; }

    [Id(13)] public DateTimeOffset? LastSuccessAt { get; set; }

    [Id(14)] public DateTimeOffset? FailingSince { get; set; }
}

/// <summary>A signing secret; <see cref="ExpiresAt"/> is set once a newer secret replaces it.</summary>
[GenerateSerializer, Immutable, Alias("LiveNews.WebhookSecret")]
public sealed record WebhookSecret([property: Id(0)] string Secret, [property: Id(1)] DateTimeOffset? ExpiresAt);

/// <summary>One message of the outbox: the rendered body, so every attempt sends the same bytes.</summary>
[GenerateSerializer, Alias("LiveNews.WebhookMessage")]
public sealed class WebhookMessage
{
    [Id(0)] public required string Id { get; set; }

    [Id(1)] public Abstractions.Contracts.StoryEventType EventType { get; set; }

    [Id(2)] public string? StoryId { get; set; }

    [Id(3)] public long Sequence { get; set; }

    [Id(4)] public required string Body { get; set; }

    /// <summary>Every attempt so far (numbers the log).</summary>
    [Id(5)] public int Attempts { get; set; }

    /// <summary>Attempts in the current round of the retry schedule (a manual redelivery starts a new round).</summary>
    [Id(6)] public int Round { get; set; }

    [Id(7)] public DateTimeOffset NextAttemptAt { get; set; }

    [Id(8)] public bool Manual { get; set; }

    /// <summary>The trace of the story event, so each delivery joins it.</summary>
    [Id(9)] public string? TraceParent { get; set; }
}
