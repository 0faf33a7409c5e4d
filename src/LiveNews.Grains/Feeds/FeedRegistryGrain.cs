using System.Collections.Immutable;
using LiveNews.Abstractions.Grains;
using LiveNews.Grains.Hosting;

namespace LiveNews.Grains.Feeds;

/// <summary>Keeps the set of subscribed feed ids (persisted).</summary>
public sealed class FeedRegistryGrain([PersistentState("feeds", LiveNewsGrainsHosting.StorageName)] IPersistentState<FeedRegistryState> state) : Grain, IFeedRegistryGrain
{
    public async Task AddAsync(string feedId)
    {
        if (state.State.Feeds.Add(feedId))
        {
            await state.WriteStateAsync();
        }
    }

    public async Task RemoveAsync(string feedId)
    {
        if (state.State.Feeds.Remove(feedId))
        {
            await state.WriteStateAsync();
        }
    }

    public Task<ImmutableArray<string>> ListAsync() => Task.FromResult(state.State.Feeds.Order(StringComparer.Ordinal).ToImmutableArray());
}

[GenerateSerializer, Alias("LiveNews.FeedRegistryState")]
public sealed class FeedRegistryState
{
    [Id(0)] public HashSet<string> Feeds { get; set; } = new(StringComparer.Ordinal);
}
