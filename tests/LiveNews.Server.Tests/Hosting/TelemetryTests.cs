using LiveNews.Tests.Shared;
using System.Diagnostics;
using System.Net.Http.Json;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Contracts.Webhooks;
using LiveNews.Grains.Tests.Webhooks;
using LiveNews.Server.Tests.Feeds;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LiveNews.Server.Tests.Hosting;

/// <summary>
/// OpenTelemetry with the in-memory exporter: one trace spans the poll of a feed, the story event and the
/// webhook delivery it causes; the LiveNews metrics move as articles flow; /metrics serves them to Prometheus.
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly LockedCollection<Activity> _activities = new();
    private readonly List<Metric> _metrics = [];
    private TestNode _node = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _node = await TestNode.StartAsync(
            new Dictionary<string, string>
            {
                ["LiveNews:Feeds:AllowPrivateAddresses"] = "true",
                ["LiveNews:Webhooks:AllowPrivateAddresses"] = "true",
            },
            builder =>
            {
                builder.Services.ConfigureOpenTelemetryTracerProvider(t => t.AddInMemoryExporter(_activities));
                builder.Services.ConfigureOpenTelemetryMeterProvider(m => m.AddInMemoryExporter(_metrics));
            });
    }

    public async ValueTask DisposeAsync() => await _node.DisposeAsync();

    private List<Activity> Activities() => _activities.Snapshot();

    [Fact]
    public async Task OneTrace_SpansPollStoryEventAndWebhookDelivery_AndMetricsMove()
    {
        var tag = "Otel" + Guid.NewGuid().ToString("N")[..6];
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var feeds = await LoopbackFeedServer.StartAsync();
        feeds.Set("/feed.xml", FeedsApiTests.Rss(tag, ("t1", $"Avalanche cuts off {tag}berg", $"An avalanche cut off the village of {tag}berg on Sunday, rescuers said.")));

        var hook = await _node.Client.PostAsJsonAsync(new Uri("/api/webhooks", UriKind.Relative), new { url = receiver.Url, filter = new { keywords = new[] { tag + "berg" } } }, Ct);
        hook.EnsureSuccessStatusCode();
        var webhookId = (await hook.Content.ReadFromJsonAsync<WebhookCreated>(LiveNewsJson.Options, Ct))!.Endpoint.Id;
        (await _node.Client.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { url = feeds.Url("/feed.xml"), source = tag }, Ct)).EnsureSuccessStatusCode();

        await receiver.WaitForAsync(r => r.Count >= 1, Patience);
        var deliver = await WaitForActivityAsync(a => a.OperationName == "webhook.deliver" && (string?)a.GetTagItem("livenews.webhook.id") == webhookId);

        var trace = Activities().Where(a => a.TraceId == deliver.TraceId).ToList();
        var poll = Assert.Single(trace, a => a.OperationName == "feed.poll");
        var storyEvent = Assert.Single(trace, a => a.OperationName == "story.event");
        Assert.Equal("StoryCreated", storyEvent.GetTagItem("livenews.event.type"));
        Assert.Equal(default, poll.ParentSpanId); // the poll is the root
        Assert.Contains(trace, a => a.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal)); // grain calls in between
        Assert.Contains(trace, a => a.Kind == ActivityKind.Client && a.ParentSpanId == deliver.SpanId); // the HTTP POST of the delivery

        // Metrics: flushed through the in-memory exporter.
        _node.App.Services.GetRequiredService<MeterProvider>().ForceFlush();
        Assert.True(Sum("livenews.feeds.polled") >= 1);
        Assert.True(Sum("livenews.articles.ingested") >= 1);
        Assert.True(Sum("livenews.stories.opened") >= 1);
        Assert.True(Sum("livenews.webhooks.deliveries") >= 1);
        Assert.True(HistogramCount("livenews.story_event.latency") >= 1);
        Assert.Contains(_metrics, m => m.MeterName == "Microsoft.Orleans");

        // Prometheus scrape endpoint.
        var scrape = await _node.Client.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);
        Assert.Contains("livenews_articles_ingested", scrape, StringComparison.Ordinal);
    }

    private double Sum(string name)
    {
        double total = 0;
        foreach (var metric in _metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                total += metric.MetricType == MetricType.LongSum ? point.GetSumLong() : point.GetSumDouble();
            }
        }

        return total;
    }

    private long HistogramCount(string name)
    {
        long count = 0;
        foreach (var metric in _metrics.Where(m => m.Name == name))
        {
            foreach (ref readonly var point in metric.GetMetricPoints())
            {
                count += point.GetHistogramCount();
            }
        }

        return count;
    }

    private async Task<Activity> WaitForActivityAsync(Func<Activity, bool> match) =>
        (await Eventually.ValueAsync(() => Task.FromResult(Activities().FirstOrDefault(match)), found => found is not null, "the activity", Patience, Ct))!;
}

/// <summary>A collection the exporter may add to from any thread while the test reads snapshots.</summary>
internal sealed class LockedCollection<T> : ICollection<T>
{
    private readonly List<T> _items = [];

    public int Count
    {
        get
        {
            lock (_items)
            {
                return _items.Count;
            }
        }
    }

    public bool IsReadOnly => false;

    public List<T> Snapshot()
    {
        lock (_items)
        {
            return [.. _items];
        }
    }

    public void Add(T item)
    {
        lock (_items)
        {
            _items.Add(item);
        }
    }

    public void Clear()
    {
        lock (_items)
        {
            _items.Clear();
        }
    }

    public bool Contains(T item) => Snapshot().Contains(item);

    public void CopyTo(T[] array, int arrayIndex) => Snapshot().CopyTo(array, arrayIndex);

    public bool Remove(T item)
    {
        lock (_items)
        {
            return _items.Remove(item);
        }
    }

    public IEnumerator<T> GetEnumerator() => Snapshot().GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
