using System.Text.Json.Serialization;

namespace LiveNews.Abstractions.Contracts.Webhooks;

/// <summary>What came of one delivery attempt.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookAttemptOutcome>))]
public enum WebhookAttemptOutcome
{
    /// <summary>A 2xx answer: delivered.</summary>
    Succeeded,

    /// <summary>Failed; the message will be retried.</summary>
    Retrying,

    /// <summary>Failed on the last retry: the message is given up.</summary>
    GaveUp,

    /// <summary>Failed and the endpoint was disabled (410 Gone, or failing for too long).</summary>
    Disabled,

    /// <summary>The message was dropped without an attempt (the outbox was full).</summary>
    Dropped,
}
