using LiveNews.Abstractions;
using LiveNews.Abstractions.Contracts;
using Orleans.Runtime;
using Orleans.Streams;
using LiveNews.Streaming.Redis;
using StackExchange.Redis;

namespace LiveNews.Server.Events;

/// <summary>
/// Subscribes this node to the "stories" stream and keeps the recent events for its browsers (SSE).
/// With several silos each relays every event to its own clients. In the Redis profile a node that
/// starts (or restarts after a failure) first fills its log with the newest events the Redis stream
/// still holds, so a browser that reconnects to it with Last-Event-ID misses nothing; live events that
/// arrive meanwhile wait for the backfill, and the log drops the ones it already has. Once subscribed
/// and filled it marks <see cref="EventRelayReadiness"/>: the node is ready, and its SSE streams open.
/// </summary>
internal sealed partial class StoryEventRelay(IClusterClient client, RecentEventLog log, EventRelayReadiness readiness, TimeProvider time, IServiceProvider services, ILogger<StoryEventRelay> logger) : BackgroundService
{
    private readonly Lock _gate = new();
    private StreamSubscriptionHandle<StoryEvent>? _subscription;
    private List<StoryEvent>? _waiting = [];

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
                    lock (_gate)
                    {
                        if (_waiting is not null)
                        {
                            _waiting.Add(evt);
                            return Task.CompletedTask;
                        }
                    }

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

        if (_subscription is not null)
        {
            await BackfillAsync(stream.StreamId);
        }
    }

    private async Task BackfillAsync(StreamId streamId)
    {
        try
        {
            if (services.GetKeyedService<RedisStreamHistory>(StreamNames.Provider) is { } history)
            {
                var recent = await history.ReadLatestAsync<StoryEvent>(streamId, log.Capacity);
                foreach (var (evt, _) in recent)
                {
                    log.Append(evt);
                }

                LogBackfilled(logger, recent.Count);
            }
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException or InvalidOperationException)
        {
            LogBackfillFailed(logger, ex);
        }
        finally
        {
            List<StoryEvent> waiting;
            lock (_gate)
            {
                waiting = _waiting ?? [];
                _waiting = null;
            }

            foreach (var evt in waiting)
            {
                log.Append(evt);
            }

            readiness.MarkReady();
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

    [LoggerMessage(EventId = 22, Level = LogLevel.Information, Message = "Filled the recent event log with {Count} events from the Redis stream")]
    private static partial void LogBackfilled(ILogger logger, int count);

    [LoggerMessage(EventId = 23, Level = LogLevel.Warning, Message = "Could not read recent events from the Redis stream; SSE clients resume from what this node sees from now on")]
    private static partial void LogBackfillFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 21, Level = LogLevel.Debug, Message = "Could not unsubscribe from the stories stream")]
    private static partial void LogUnsubscribeFailed(ILogger logger, Exception exception);
}
