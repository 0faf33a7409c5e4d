using LiveNews.Grains.Stories;
using LiveNews.Server.Demo;
using LiveNews.Stories;
using Microsoft.Extensions.Options;

namespace LiveNews.Server.Hosting;

/// <summary>
/// Once the node has started, warms the story pipeline (<see cref="StoryPipelineWarmup"/>) on the bundled
/// demo story, so that the first articles a newsroom sends do not wait for code to compile and index
/// shards to load. Runs in the background: the node serves meanwhile; a failure is logged and harmless.
/// </summary>
internal sealed partial class PipelineWarmupService(
    IGrainFactory grains,
    Orleans.Serialization.Serializer serializer,
    IOptions<StoryEngineOptions> engine,
    IOptions<DemoOptions> demo,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<PipelineWarmupService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
        {
            await started.Task.WaitAsync(stoppingToken);
        }

        var begun = time.GetTimestamp();
        try
        {
            await StoryPipelineWarmup.WarmUpAsync(grains, engine.Value, demo.Value.ReadSample(time.GetUtcNow()), time, serializer).WaitAsync(stoppingToken);
            WarmedUp(logger, time.GetElapsedTime(begun).TotalMilliseconds);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            WarmUpFailed(logger, ex);
        }
    }

    [LoggerMessage(EventId = 80, Level = LogLevel.Debug, Message = "Story pipeline warmed up in {Milliseconds:F0} ms")]
    private static partial void WarmedUp(ILogger logger, double milliseconds);

    [LoggerMessage(EventId = 81, Level = LogLevel.Warning, Message = "Could not warm up the story pipeline; the first articles may be slower")]
    private static partial void WarmUpFailed(ILogger logger, Exception exception);
}
