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

    /// <summary>
    /// Makes sure the feed is active and on its schedule (it polls at once when a poll is due): called after
    /// a silo failure, so that the feeds the dead silo polled carry on elsewhere without waiting for a reminder.
    /// </summary>
    Task ResumeAsync();
}
