using LiveNews.Abstractions;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace LiveNews.Grains.Webhooks;

/// <summary>
/// Follows every story event and queues it at each enabled endpoint whose filter it matches, in stream
/// order. If an endpoint cannot take the event, the others still get it and the event is failed back to
/// the stream to be delivered again (endpoints ignore a message they already hold).
/// </summary>
[ImplicitStreamSubscription(StreamNames.StoriesNamespace)]
public sealed partial class WebhookDispatcherGrain(ILogger<WebhookDispatcherGrain> logger) : Grain, IWebhookDispatcherGrain, IStreamSubscriptionObserver
{
    private WebhookRoutes _routes = new() { Version = -1 };

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory)
    {
        await handleFactory.Create<StoryEvent>().ResumeAsync((storyEvent, _) => DispatchAsync(storyEvent));
    }

    private async Task DispatchAsync(StoryEvent storyEvent)
    {
        _routes = await GrainFactory.GetGrain<IWebhookRegistryGrain>(0).GetRoutesAsync(_routes.Version) ?? _routes;
        List<Exception>? failures = null;
        foreach (var (endpointId, filter) in _routes.Filters)
        {
            if (!WebhookEventFilter.Matches(filter, storyEvent))
            {
                continue;
            }

            try
            {
                await GrainFactory.GetGrain<IWebhookEndpointGrain>(endpointId).EnqueueAsync(storyEvent);
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
            {
                LogEnqueueFailed(logger, ex, endpointId);
                (failures ??= []).Add(ex);
            }
        }

        if (failures is not null)
        {
            throw new AggregateException("A webhook endpoint could not queue a story event.", failures);
        }
    }

    [LoggerMessage(EventId = 63, Level = LogLevel.Warning, Message = "Webhook {EndpointId} could not queue a story event")]
    private static partial void LogEnqueueFailed(ILogger logger, Exception exception, string endpointId);
}
