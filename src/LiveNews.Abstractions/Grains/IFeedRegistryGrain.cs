using System.Collections.Immutable;

namespace LiveNews.Abstractions.Grains;

/// <summary>The ids of the subscribed feeds (one registry, key 0).</summary>
public interface IFeedRegistryGrain : IGrainWithIntegerKey
{
    Task AddAsync(string feedId);

    Task RemoveAsync(string feedId);

    Task<ImmutableArray<string>> ListAsync();
}
