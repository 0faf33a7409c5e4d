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

    /// <summary>Stories that match the query, most recently updated first.</summary>
    Task<StoryList> ListAsync(StoryQuery query);

    Task<int> CountAsync();
}
