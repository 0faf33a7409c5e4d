using System.Collections.Immutable;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Contracts.Webhooks;

namespace LiveNews.Abstractions.Grains;

/// <summary>One webhook endpoint (key: its id): configuration, a persisted outbox delivered in order, and a delivery log.</summary>
public interface IWebhookEndpointGrain : IGrainWithStringKey
{
    /// <summary>Creates the endpoint; <paramref name="secret"/> is already validated.</summary>
    Task<WebhookEndpointInfo> CreateAsync(string url, WebhookFilter filter, WebhookFormat format, string? description, string secret);

    /// <summary>Null when no such endpoint exists.</summary>
    Task<WebhookEndpointInfo?> GetAsync();

    Task DeleteAsync();

    /// <summary>Queues a story event that matched the endpoint's filter (an event already queued or delivered is ignored).</summary>
    Task EnqueueAsync(StoryEvent storyEvent);

    /// <summary>The newest attempts first.</summary>
    Task<ImmutableArray<WebhookDelivery>> GetDeliveriesAsync(int limit);

    /// <summary>Queues a recent message again (same <c>webhook-id</c>); false when it is not known.</summary>
    Task<bool> RedeliverAsync(string messageId);

    /// <summary>Enables a disabled endpoint again; pending messages resume.</summary>
    Task<WebhookEndpointInfo?> EnableAsync();

    /// <summary>A new secret; the old one keeps signing alongside it for the configured overlap.</summary>
    Task<string?> RotateSecretAsync(string secret);

    /// <summary>Makes sure pending deliveries are on their way (after a restart or failover).</summary>
    Task ResumeAsync();
}
