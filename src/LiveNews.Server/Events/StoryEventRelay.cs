using LiveNews.Abstractions;
using LiveNews.Abstractions.Contracts;
using Orleans.Runtime;
using Orleans.Streams;

namespace LiveNews.Server.Events;

/// <summary>
/// Subscribes this node to the "stories" stream and keeps the recent events for its browsers (SSE).
/// With several silos each relays every event to its own clients.
/// </summary>
internal sealed partial class StoryEventRelay(IClusterClient client, RecentEventLog log, TimeProvider time, ILogger<StoryEventRelay> logger) : BackgroundService
{
    private StreamSubscriptionHandle<StoryEvent>? _subscription;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var stream = client.GetStreamProvider(StreamNames.Provider)
            .GetStream<StoryEvent>(StreamId.Create(StreamNames.StoriesNamespace, StreamNames.AllStoriesKey));
        while (!stoppingToken.IsCancellationRequested && _subscription is null)
        {
            try
            {
                _subscription = await stream.SubscribeAsync((evt, _) =>
                {
                    log.Append(evt);
                    return Task.CompletedTask;
                });
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
            {
                LogSubscribeFailed(logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_subscription is not null)
        {
            try
            {
                await _subscription.UnsubscribeAsync();
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException or ObjectDisposedException)
            {
                LogUnsubscribeFailed(logger, ex);
            }
        }

        await base.StopAsync(cancellationToken);
    }

    [LoggerMessage(EventId = 20, Level = LogLevel.Warning, Message = "Could not subscribe to the stories stream; retrying")]
    private static partial void LogSubscribeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 21, Level = LogLevel.Debug, Message = "Could not unsubscribe from the stories stream")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception);
}
