using System.Text.Json.Serialization;

namespace LiveNews.Abstractions.Contracts.Webhooks;

/// <summary>The body a webhook endpoint receives.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WebhookFormat>))]
public enum WebhookFormat
{
    /// <summary>The story event as JSON (Standard Webhooks headers and signature).</summary>
    Standard,

    /// <summary>A Slack-compatible message: <c>{"text": ...}</c> with the headline and the new facts (still signed).</summary>
    Slack,
}
