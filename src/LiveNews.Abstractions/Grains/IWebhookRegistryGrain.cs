using System.Collections.Immutable;
using LiveNews.Abstractions.Contracts.Webhooks;

namespace LiveNews.Abstractions.Grains;

/// <summary>The enabled webhook endpoints and their filters (one registry, key 0), read by the dispatcher.</summary>
public interface IWebhookRegistryGrain : IGrainWithIntegerKey
{
    Task SetAsync(string endpointId, WebhookFilter filter, bool enabled);

    Task RemoveAsync(string endpointId);

    /// <summary>Every endpoint id, enabled or not.</summary>
    Task<ImmutableArray<string>> ListAsync();

    /// <summary>The enabled endpoints with their filters; null when <paramref name="knownVersion"/> is current.</summary>
    Task<WebhookRoutes?> GetRoutesAsync(long knownVersion);
}

/// <summary>The enabled endpoints and their filters at one registry version.</summary>
[GenerateSerializer, Immutable, Alias("LiveNews.WebhookRoutes")]
public sealed record WebhookRoutes
{
    [Id(0)] public long Version { get; init; }

    [Id(1)] public ImmutableDictionary<string, WebhookFilter> Filters { get; init; } = ImmutableDictionary<string, WebhookFilter>.Empty;
}
