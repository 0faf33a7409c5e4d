using System.Collections.Immutable;
using LiveNews.Abstractions.Contracts.Webhooks;
using LiveNews.Abstractions.Grains;
using LiveNews.Grains.Hosting;

namespace LiveNews.Grains.Webhooks;

/// <summary>Every webhook endpoint with its filter and whether it is enabled (persisted), versioned for the dispatcher's cache.</summary>
public sealed class WebhookRegistryGrain([PersistentState("webhooks", LiveNewsGrainsHosting.StorageName)] IPersistentState<WebhookRegistryState> state) : Grain, IWebhookRegistryGrain
{
    private WebhookRoutes? _routes;

    public async Task SetAsync(string endpointId, WebhookFilter filter, bool enabled)
    {
        state.State.Endpoints[endpointId] = new WebhookRegistration(filter, enabled);
        await ChangedAsync();
    }

    public async Task RemoveAsync(string endpointId)
    {
        if (state.State.Endpoints.Remove(endpointId))
        {
            await ChangedAsync();
        }
    }

    public Task<ImmutableArray<string>> ListAsync() =>
        Task.FromResult(state.State.Endpoints.Keys.Order(StringComparer.Ordinal).ToImmutableArray());

    public Task<WebhookRoutes?> GetRoutesAsync(long knownVersion)
    {
        if (knownVersion == state.State.Version)
        {
            return Task.FromResult<WebhookRoutes?>(null);
        }

        _routes ??= new WebhookRoutes
        {
            Version = state.State.Version,
            Filters = state.State.Endpoints.Where(e => e.Value.Enabled).ToImmutableDictionary(e => e.Key, e => e.Value.Filter, StringComparer.Ordinal),
        };
        return Task.FromResult<WebhookRoutes?>(_routes);
    }

    private async Task ChangedAsync()
    {
        state.State.Version++;
        _routes = null;
        await state.WriteStateAsync();
    }
}

[GenerateSerializer, Alias("LiveNews.WebhookRegistryState")]
public sealed class WebhookRegistryState
{
    [Id(0)] public Dictionary<string, WebhookRegistration> Endpoints { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Raised on every change (persisted, so a reactivated registry never reuses a version).</summary>
    [Id(1)] public long Version { get; set; }
}

[GenerateSerializer, Immutable, Alias("LiveNews.WebhookRegistration")]
public sealed record WebhookRegistration([property: Id(0)] WebhookFilter Filter, [property: Id(1)] bool Enabled);
