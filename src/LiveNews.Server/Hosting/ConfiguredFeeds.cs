using LiveNews.Server.Api;
using Microsoft.Extensions.Options;

namespace LiveNews.Server.Hosting;

/// <summary>Subscribes the feeds listed in configuration when the node starts.</summary>
internal sealed partial class ConfiguredFeeds(IOptions<FeedOptions> options, IGrainFactory grains, ILogger<ConfiguredFeeds> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var subscription in options.Value.Subscriptions)
        {
            var (id, error) = await FeedsApi.TrySubscribeAsync(grains, subscription);
            if (id is null)
            {
                LogInvalid(logger, subscription.Url, error!);
            }
        }
    }

    [LoggerMessage(EventId = 30, Level = LogLevel.Warning, Message = "Configured feed {Url} skipped: {Error}")]
    private static partial void LogInvalid(ILogger logger, string url, string error);
}
