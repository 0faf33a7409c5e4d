using LiveNews.Abstractions.Contracts;

namespace LiveNews.Abstractions.Grains;

/// <summary>
/// One subscribed feed, keyed by feed id: polls it on its schedule, turns new and edited entries into
/// article versions for the story router, and reports its health.
/// </summary>
public interface IFeedReaderGrain : IGrainWithStringKey
{
    Task SubscribeAsync(FeedSubscription subscription);

    Task UnsubscribeAsync();

    Task<FeedStatus?> GetStatusAsync();

    /// <summary>Polls now, whatever the schedule says; returns the number of new article versions.</summary>
    Task<int> PollNowAsync();
}
