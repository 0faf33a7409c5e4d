using LiveNews.Server.Hosting;
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
    ArticleIngestor ingestor,
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

        var path = Path.IsPathRooted(demo.File) ? demo.File : Path.Combine(AppContext.BaseDirectory, demo.File);
        if (!File.Exists(path))
        {
            Log.DemoMissing(logger, path);
            return;
        }

        var lines = await File.ReadAllLinesAsync(path, stoppingToken);
        Log.DemoStarting(logger, lines.Length, demo.Interval);
        await Task.Delay(TimeSpan.FromSeconds(2), time, stoppingToken);
        long number = 0;
        foreach (var line in lines)
        {
            number++;
            var parsed = ArticleJson.ParseLine(line, number, time.GetUtcNow());
            if (parsed.Article is null)
            {
                continue;
            }

            // The demo story happens now: its versions are stamped with the time they arrive.
            var article = parsed.Article with { Published = time.GetUtcNow(), ReceivedAt = time.GetUtcNow() };
            try
            {
                foreach (var evt in await ingestor.IngestAsync(article))
                {
                    Log.DemoIngested(logger, article.Id, evt.Type.ToString(), evt.StoryId);
                }
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                Log.DemoFailed(logger, ex, article.Id);
            }

            await Task.Delay(demo.Interval, time, stoppingToken);
        }
    }
}
