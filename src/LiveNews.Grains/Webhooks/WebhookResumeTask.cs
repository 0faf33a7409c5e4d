using LiveNews.Abstractions.Grains;
using Microsoft.Extensions.Logging;

namespace LiveNews.Grains.Webhooks;

/// <summary>
/// When a silo starts, every endpoint is asked to resume its pending deliveries, so a restart carries on
/// at once instead of at the next reminder tick. A failure here is logged and never stops the silo.
/// </summary>
public sealed partial class WebhookResumeTask(IGrainFactory grains, ILogger<WebhookResumeTask> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        try
        {
            var ids = await grains.GetGrain<IWebhookRegistryGrain>(0).ListAsync();
            foreach (var id in ids)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await grains.GetGrain<IWebhookEndpointGrain>(id).ResumeAsync();
            }
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException or OperationCanceledException)
        {
            LogResumeFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 64, Level = LogLevel.Warning, Message = "Could not resume webhook deliveries at startup; reminders will")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception);
}
