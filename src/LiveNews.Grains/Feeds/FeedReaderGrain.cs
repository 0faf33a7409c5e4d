using System.Diagnostics;
using LiveNews.Grains.Telemetry;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Feeds.Fetching;
using LiveNews.Feeds.Parsing;
using LiveNews.Feeds.Polling;
using LiveNews.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace LiveNews.Grains.Feeds;

/// <summary>
/// One subscribed feed. Polls on its schedule (a grain timer for the next poll; a reminder every
/// minute, and <see cref="LiveNews.Grains.Hosting.SiloFailureWatcher"/> at once, bring it back after deactivation or a
/// silo failure), turns new and edited entries into
/// article versions for the story router, and keeps its health for operators. Fetching, parsing and
/// scheduling live in LiveNews.Feeds.
/// </summary>
[Orleans.Placement.RandomPlacement] // spread over the cluster, whichever node took the subscription
public sealed partial class FeedReaderGrain : Grain, IFeedReaderGrain, IRemindable
{
    private const string ReminderName = "poll";
    /// <summary>Orleans' shortest reminder period: after a failover the reminder brings the feed back within it.</summary>
    private static readonly TimeSpan ReminderPeriod = TimeSpan.FromMinutes(1);

    /// <summary>When the next poll comes after a poll that failed part-way.</summary>
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(10);

    /// <summary>Linked pages fetched for full text in one poll (the rest keep their summaries).</summary>
    private const int MaxPagesPerPoll = 20;

    private readonly IPersistentState<FeedReaderState> _state;
    private readonly IFeedFetcher _fetcher;
    private readonly TimeProvider _time;
    private readonly PollSchedule _schedule;
    private readonly ILogger<FeedReaderGrain> _logger;
    private readonly string _silo;
    private IGrainTimer? _timer;

    public FeedReaderGrain(
        [PersistentState("feed", LiveNewsGrainsHosting.StorageName)] IPersistentState<FeedReaderState> state,
        IFeedFetcher fetcher,
        TimeProvider time,
        IOptions<PollScheduleOptions> schedule,
        ILocalSiloDetails silo,
        ILogger<FeedReaderGrain> logger)
    {
        _silo = silo.SiloAddress.ToString();
        _state = state;
        _fetcher = fetcher;
        _time = time;
        _schedule = new PollSchedule(schedule.Value, Random.Shared.NextDouble);
        _logger = logger;
    }

    private string FeedId => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken) => ResumeAsync();

    public async Task SubscribeAsync(FeedSubscription subscription)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var state = _state.State;
        if (state.Subscription?.Url != subscription.Url)
        {
            state.Url = subscription.Url;
            state.ETag = state.LastModified = null;
        }

        state.Subscription = subscription;
        state.Paused = false;
        state.ConsecutiveFailures = 0;
        state.NextPoll = _time.GetUtcNow();
        await _state.WriteStateAsync();
        await this.RegisterOrUpdateReminder(ReminderName, ReminderPeriod, ReminderPeriod);
        await GrainFactory.GetGrain<IFeedRegistryGrain>(0).AddAsync(FeedId);
        ScheduleTimer(TimeSpan.Zero);
    }

    public async Task UnsubscribeAsync()
    {
        _timer?.Dispose();
        _timer = null;
        if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        await GrainFactory.GetGrain<IFeedRegistryGrain>(0).RemoveAsync(FeedId);
        await _state.ClearStateAsync();
        DeactivateOnIdle();
    }

    public Task<FeedStatus?> GetStatusAsync()
    {
        var s = _state.State;
        return Task.FromResult(s.Subscription is null ? null : new FeedStatus
        {
            Id = FeedId,
            Url = s.Url ?? s.Subscription.Url,
            Title = s.Title,
            LastPoll = s.LastPoll,
            NextPoll = s.Paused ? null : s.NextPoll,
            LastError = s.LastError,
            ConsecutiveFailures = s.ConsecutiveFailures,
            ETag = s.ETag,
            EntriesSeen = s.EntriesSeen,
            Paused = s.Paused,
            Silo = _silo,
        });
    }

    public Task<int> PollNowAsync() => _state.State.Subscription is null ? Task.FromResult(0) : PollOrRecoverAsync(onDemand: true, CancellationToken.None);

    public Task ReceiveReminder(string reminderName, TickStatus status) => ResumeAsync();

    public Task ResumeAsync()
    {
        // Only makes sure the feed is alive and on schedule (activation sets the timer; a due poll runs at once).
        var state = _state.State;
        // A timer that should have fired long ago is gone (a poll failed before it set the next one).
        var overdue = state.NextPoll is { } next && _time.GetUtcNow() - next > ReminderPeriod;
        if (state.Subscription is not null && !state.Paused && (_timer is null || overdue))
        {
            var due = (state.NextPoll ?? _time.GetUtcNow()) - _time.GetUtcNow();
            ScheduleTimer(due > TimeSpan.Zero ? due : TimeSpan.Zero);
        }

        return Task.CompletedTask;
    }

    private void ScheduleTimer(TimeSpan due)
    {
        _timer?.Dispose();
        _timer = this.RegisterGrainTimer(async ct => await PollOrRecoverAsync(onDemand: false, ct), new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = false, KeepAlive = true });
    }

    /// <summary>
    /// Polls; when the poll fails part-way (the story pipeline unreachable during a failover, storage down),
    /// the state is read back, so entries marked seen but not yet sent on are sent by the next poll, which is
    /// scheduled shortly. The failure goes on to the caller of a poll on demand.
    /// </summary>
    private async Task<int> PollOrRecoverAsync(bool onDemand, CancellationToken cancellationToken)
    {
        try
        {
            return await PollAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogPollFailed(_logger, FeedId, ex);
            await _state.ReadStateAsync(CancellationToken.None);
            ScheduleTimer(RetryAfterFailure);
            if (onDemand)
            {
                throw;
            }

            return 0;
        }
    }

    private async Task<int> PollAsync(CancellationToken cancellationToken)
    {
        // Each poll starts its own trace (a timer set by the previous poll would otherwise nest them all),
        // linked to whatever asked for it (a subscription or a poll on demand).
        var caller = Activity.Current;
        Activity.Current = null;
        using var activity = LiveNewsTelemetry.Source.StartActivity(
            "feed.poll", ActivityKind.Internal, default(ActivityContext), links: caller is null ? null : [new ActivityLink(caller.Context)]);
        activity?.SetTag("livenews.feed.id", FeedId);
        var state = _state.State;
        var failuresBefore = state.ConsecutiveFailures;
        var subscription = state.Subscription!;
        var now = _time.GetUtcNow();
        var url = new Uri(state.Url ?? subscription.Url);
        var fetch = await _fetcher.FetchAsync(url, new FetchConditions(state.ETag, state.LastModified), cancellationToken);
        state.LastPoll = now;
        FeedDocument? feed = null;
        var produced = 0;
        switch (fetch.Outcome)
        {
            case FetchOutcome.Fetched:
                var parsed = FeedParser.Parse(fetch.Body, fetch.ContentType, fetch.FinalUrl?.ToString() ?? url.ToString());
                if (parsed.Feed is null)
                {
                    Fail(state, "not a readable feed: " + string.Join("; ", parsed.Problems));
                    break;
                }

                feed = parsed.Feed;
                state.Title = feed.Title ?? state.Title;
                state.ETag = fetch.ETag;
                state.LastModified = fetch.LastModified;
                produced = await RouteAsync(feed, subscription, state, now);
                state.LastError = parsed.Malformed ? "read with repairs: " + string.Join("; ", parsed.Problems) : null;
                state.ConsecutiveFailures = 0;
                break;
            case FetchOutcome.NotModified:
                state.LastError = null;
                state.ConsecutiveFailures = 0;
                break;
            case FetchOutcome.Gone:
                state.LastError = fetch.Error;
                state.Paused = true;
                break;
            default:
                Fail(state, fetch.Error ?? "fetch failed");
                break;
        }

        state.Url = state.Redirects.Observe(fetch) ?? state.Url;
        if (_schedule.ShouldPause(state.ConsecutiveFailures))
        {
            state.Paused = true;
            state.LastError = $"paused after {state.ConsecutiveFailures} failures in a row; last: {state.LastError}";
        }

        TimeSpan? next = null;
        if (!state.Paused)
        {
            next = _schedule.Next(feed, fetch, state.ConsecutiveFailures);
            state.NextPoll = now + next;
        }

        // Written before the timer is replaced: replacing it cancels the token of the poll that is running.
        await _state.WriteStateAsync(CancellationToken.None);
        if (next is { } due)
        {
            ScheduleTimer(due);
        }

        var outcome = new KeyValuePair<string, object?>("outcome", fetch.Outcome.ToString());
        LiveNewsTelemetry.FeedsPolled.Add(1, outcome);
        if (state.ConsecutiveFailures > failuresBefore || fetch.Outcome == FetchOutcome.Gone)
        {
            LiveNewsTelemetry.FeedsFailed.Add(1, outcome);
            activity?.SetStatus(ActivityStatusCode.Error, state.LastError);
        }

        activity?.SetTag("livenews.feed.outcome", fetch.Outcome.ToString());
        activity?.SetTag("livenews.feed.versions", produced);
        LogPolled(_logger, FeedId, fetch.Outcome.ToString(), produced, state.LastError);
        return produced;
    }

    private async Task<int> RouteAsync(FeedDocument feed, FeedSubscription subscription, FeedReaderState state, DateTimeOffset now)
    {
        var changed = state.Seen.Update(feed, EntryIdentity.ParseMode(subscription.Identity));
        state.EntriesSeen = state.Seen.Entries.Count;
        var router = GrainFactory.GetGrain<IStoryRouterGrain>(0);
        var source = subscription.Source ?? feed.Title ?? new Uri(subscription.Url).Host;

        // Oldest first, so a story opens with its first version.
        var pagesFetched = 0;
        foreach (var (key, version, entry) in changed.OrderBy(c => c.Entry.Published ?? c.Entry.Updated ?? now))
        {
            var html = entry.Content ?? entry.Summary;
            if (subscription.FullText && entry.Content is null && pagesFetched < MaxPagesPerPoll
                && Uri.TryCreate(entry.Link, UriKind.Absolute, out var page) && page.Scheme is "http" or "https")
            {
                pagesFetched++;
                html = await FullTextAsync(page) ?? html;
            }

            await router.IngestAsync(new ArticleVersion
            {
                Id = EntryIdentity.ArticleId(FeedId, key),
                Source = source,
                Url = entry.Link,
                Title = entry.Title,
                Published = entry.Published ?? entry.Updated ?? now,
                Html = html,
                ReceivedAt = now,
                Version = version,
            });
        }

        return changed.Count;
    }

    /// <summary>The full article of a linked page, or null (fetch failed, or no readable article).</summary>
    private async Task<string?> FullTextAsync(Uri page)
    {
        var fetch = await _fetcher.FetchAsync(page, new FetchConditions(null, null), CancellationToken.None);
        return fetch.Outcome == FetchOutcome.Fetched && fetch.Body is { } body
            ? LiveNews.Feeds.FullText.ArticleExtractor.ExtractHtml(body, fetch.ContentType, fetch.FinalUrl ?? page)
            : null;
    }

    private static void Fail(FeedReaderState state, string error)
    {
        state.ConsecutiveFailures++;
        state.LastError = error;
    }

    [LoggerMessage(EventId = 41, Level = LogLevel.Warning, Message = "Feed {FeedId}: the poll failed part-way; its entries go again with the next poll")]
    private static partial void LogPollFailed(ILogger logger, string feedId, Exception exception);

    [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Feed {FeedId} polled: {Outcome}, {Versions} new versions {Error}")]
    private static partial void LogPolled(ILogger logger, string feedId, string outcome, int versions, string? error);
}
