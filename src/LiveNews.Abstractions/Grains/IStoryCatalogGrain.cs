using Orleans.Concurrency;
using System.Collections.Immutable;
using LiveNews.Abstractions.Contracts;

namespace LiveNews.Abstractions.Grains;

/// <summary>The list of recently updated stories (bounded), kept by the story grains as they change.</summary>
public interface IStoryCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Records the latest state of a story.</summary>
    [OneWay]
    Task UpsertAsync(StorySummary summary);

    /// <summary>Stories, most recently updated first.</summary>
    Task<ImmutableArray<StorySummary>> ListAsync(int skip, int take);

    Task<int> CountAsync();
}
