using LiveNews.Feeds.Fetching;
using LiveNews.Feeds.Parsing;

namespace LiveNews.Feeds.Polling;

/// <summary>
/// When to poll a feed next: as often as it publishes (half the typical gap between its recent
/// entries), never sooner than its ttl, Cache-Control/Expires or Retry-After allow, backing off
/// exponentially after errors, clamped between the minimum and maximum, with jitter.
/// </summary>
public sealed class PollSchedule(PollScheduleOptions options, Func<double> random)
{
    /// <summary>True when a feed has failed so often in a row that it is paused (its reason stays visible).</summary>
    public bool ShouldPause(int consecutiveFailures) => consecutiveFailures >= options.PauseAfterFailures;

    /// <summary>The delay before the next poll.</summary>
    public TimeSpan Next(FeedDocument? feed, FetchResult? fetch, int consecutiveFailures)
    {
        TimeSpan interval;
        if (consecutiveFailures > 0)
        {
            var factor = Math.Pow(2, Math.Min(consecutiveFailures - 1, 10));
            interval = TimeSpan.FromTicks((long)Math.Min(options.MaxInterval.Ticks, options.MinInterval.Ticks * factor));
        }
        else
        {
            interval = FromPublishingRate(feed) ?? options.DefaultInterval;
        }

        if (feed?.TimeToLiveMinutes is { } ttl)
        {
            interval = Max(interval, TimeSpan.FromMinutes(ttl));
        }

        if (fetch?.FreshFor is { } fresh)
        {
            interval = Max(interval, fresh);
        }

        interval = Clamp(interval);
        if (fetch?.RetryAfter is { } retryAfter)
        {
            // The server's word wins, even beyond the maximum (up to a day).
            interval = Max(interval, retryAfter > TimeSpan.FromDays(1) ? TimeSpan.FromDays(1) : retryAfter);
        }

        var spread = 1 + (((random() * 2) - 1) * options.Jitter);
        return TimeSpan.FromTicks((long)(interval.Ticks * spread));
    }

    private TimeSpan? FromPublishingRate(FeedDocument? feed)
    {
        var dates = feed?.Entries.Select(e => e.Published ?? e.Updated).OfType<DateTimeOffset>().OrderByDescending(d => d).Take(10).ToList();
        if (dates is null || dates.Count < 3)
        {
            return null;
        }

        var gaps = dates.Zip(dates.Skip(1), (a, b) => a - b).Where(g => g > TimeSpan.Zero).OrderBy(g => g).ToList();
        return gaps.Count == 0 ? null : gaps[gaps.Count / 2] / 2;
    }

    private TimeSpan Clamp(TimeSpan interval) =>
        interval < options.MinInterval ? options.MinInterval : interval > options.MaxInterval ? options.MaxInterval : interval;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
