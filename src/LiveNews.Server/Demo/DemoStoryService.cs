using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Server.Api;
using LiveNews.Server.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using LiveNews.Server.Ingestion;
using Microsoft.Extensions.Options;

namespace LiveNews.Server.Demo;

/// <summary>
/// With no feeds configured, replays the bundled developing story (the seed corpus) one version at a
/// time, so a newcomer sees a story open and then gain facts on the dashboard.
/// </summary>
internal sealed class DemoStoryService(
    IOptions<DemoOptions> options,
    IOptions<FeedOptions> feeds,
    DemoFeed feed,
    IGrainFactory grains,
    IServer server,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<DemoStoryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var demo = options.Value;
        if (!demo.Enabled || feeds.Value.Subscriptions.Count > 0)
        {
            return;
        }

        var path = demo.FullPath;
        if (!File.Exists(path))
        {
            Log.DemoMissing(logger, path);
            return;
        }

        // The feed is served by this node: wait until it listens, then subscribe to it like any feed.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var address = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(ReachableAddress(address), UriKind.Absolute, out var baseUri))
        {
            return;
        }

        feed.Origin = (baseUri.Host, baseUri.Port);
        var url = new Uri(baseUri, "/demo/feed.xml").ToString();
        var lines = await File.ReadAllLinesAsync(path, stoppingToken);
        Log.DemoStarting(logger, lines.Length, demo.Interval);
        var reader = grains.GetGrain<IFeedReaderGrain>(FeedsApi.FeedIdOf(url));
        long number = 0;
        foreach (var line in lines)
        {
            number++;
            var parsed = ArticleJson.ParseLine(line, number, time.GetUtcNow());
            if (parsed.Article is null)
            {
                continue;
            }

            // The demo story happens now: each version is published when it appears in the feed.
            feed.Publish(parsed.Article, time.GetUtcNow());
            try
            {
                if (feed.Count == 1)
                {
                    await reader.SubscribeAsync(new FeedSubscription { Url = url, Source = "LiveNews demo" });
                }
                else
                {
                    await reader.PollNowAsync();
                }

                Log.DemoIngested(logger, parsed.Article.Id, "published", url);
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                Log.DemoFailed(logger, ex, parsed.Article.Id);
            }

            await Task.Delay(demo.Interval, time, stoppingToken);
        }
    }

    /// <summary>A listening address such as <c>http://+:8080</c> or <c>http://0.0.0.0:8080</c>, as this node can call it.</summary>
    private static string ReachableAddress(string address)
    {
        foreach (var wildcard in (ReadOnlySpan<string>)["://+", "://*", "://[::]", "://0.0.0.0"])
        {
            address = address.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        }

        return address;
    }
}
