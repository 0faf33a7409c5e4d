using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace LiveNews.Grains.Telemetry;

/// <summary>
/// LiveNews's own activity source and meter, both named "LiveNews". One trace follows a feed poll
/// ("feed.poll") through the grains (Orleans propagates the activity) to the story event ("story.event")
/// and, carried in the event, to each webhook delivery ("webhook.deliver").
/// </summary>
public static class LiveNewsTelemetry
{
    public const string Name = "LiveNews";

    public static readonly ActivitySource Source = new(Name, "1.0");

    public static readonly Meter Meter = new(Name, "1.0");

    public static readonly Counter<long> FeedsPolled = Meter.CreateCounter<long>("livenews.feeds.polled", "{poll}", "Feed polls, by outcome");

    public static readonly Counter<long> FeedsFailed = Meter.CreateCounter<long>("livenews.feeds.failed", "{poll}", "Feed polls that failed (fetch or parse)");

    public static readonly Counter<long> ArticleVersionsIngested = Meter.CreateCounter<long>("livenews.articles.ingested", "{version}", "Article versions applied to stories, by event type");

    public static readonly Counter<long> StoriesOpened = Meter.CreateCounter<long>("livenews.stories.opened", "{story}", "Stories opened");

    public static readonly Counter<long> StoriesUpdated = Meter.CreateCounter<long>("livenews.stories.updated", "{event}", "Story updates with new facts");

    public static readonly Counter<long> StoriesMerged = Meter.CreateCounter<long>("livenews.stories.merged", "{event}", "Merges of stories found to be one");

    public static readonly Counter<long> StoryStatesReleased = Meter.CreateCounter<long>("livenews.story_states.released", "{state}", "Story states let go after their hold time (kept in storage only)");

    public static readonly Counter<long> StoryStatesReloaded = Meter.CreateCounter<long>("livenews.story_states.reloaded", "{state}", "Story states read back from storage by a grain that had let go of them");

    public static readonly Counter<long> NewFacts = Meter.CreateCounter<long>("livenews.facts.new", "{fact}", "New facts announced");

    public static readonly Histogram<double> PollToEventLatency = Meter.CreateHistogram<double>("livenews.story_event.latency", "ms", "From the article version entering LiveNews (a poll, an API call) to its story event");

    public static readonly Counter<long> WebhookDeliveries = Meter.CreateCounter<long>("livenews.webhooks.deliveries", "{attempt}", "Webhook delivery attempts, by outcome");

    public static readonly Counter<long> WebhookFailures = Meter.CreateCounter<long>("livenews.webhooks.failures", "{attempt}", "Webhook delivery attempts that failed");

    public static readonly UpDownCounter<long> SseClients = Meter.CreateUpDownCounter<long>("livenews.sse.clients", "{connection}", "Server-Sent Events clients connected");
}
