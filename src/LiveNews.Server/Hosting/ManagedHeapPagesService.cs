using LiveNews.Text.Memory;
using Microsoft.Extensions.Options;

namespace LiveNews.Server.Hosting;

/// <summary>
/// Applies <see cref="RuntimeOptions.HugePages"/> to the managed heap at start-up and again every
/// <see cref="RuntimeOptions.HugePageInterval"/> (a timer of the injected clock), since the runtime keeps committing and decommitting
/// memory. Says once what the system allowed (and why not, when it refused); a refusal changes nothing else.
/// </summary>
internal sealed partial class ManagedHeapPagesService : IHostedService, IDisposable
{
    private readonly RuntimeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ManagedHeapPagesService> _logger;
    private readonly Func<HugePageMode, HugePageReport> _apply;
    private ITimer? _timer;

    /// <summary>1 while a turn runs: a turn that finds the last one still running is skipped.</summary>
    private int _running;

    public ManagedHeapPagesService(IOptions<RuntimeOptions> options, TimeProvider time, ILogger<ManagedHeapPagesService> logger)
        : this(options, time, logger, ManagedHeapPages.Apply)
    {
    }

    /// <summary>For tests: <paramref name="apply"/> stands for <see cref="ManagedHeapPages.Apply"/>.</summary>
    internal ManagedHeapPagesService(IOptions<RuntimeOptions> options, TimeProvider time, ILogger<ManagedHeapPagesService> logger, Func<HugePageMode, HugePageReport> apply)
    {
        _options = options.Value;
        _time = time;
        _logger = logger;
        _apply = apply;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var mode = _options.HugePages;
        if (mode == HugePageMode.Off)
        {
            return Task.CompletedTask;
        }

        // At start the heap is small: applied at once, before the silo fills it.
        var first = _apply(mode);
        if (first.Problem is null)
        {
            LogApplied(_logger, mode, first.CollapsedBytes >> 20, Math.Max(0, first.HugePageBytes) >> 20);
        }
        else
        {
            LogRefused(_logger, mode, first.Problem);
        }

        var interval = _options.HugePageInterval;
        if (interval > TimeSpan.Zero && interval != Timeout.InfiniteTimeSpan)
        {
            _timer = _time.CreateTimer(_ => Reapply(mode), null, interval, interval);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        _timer = null;
        return Task.CompletedTask;
    }

    public void Dispose() => _timer?.Dispose();

    private void Reapply(HugePageMode mode)
    {
        if (Interlocked.Exchange(ref _running, 1) == 1)
        {
            return;
        }

        try
        {
            var report = _apply(mode);
            LogReapplied(_logger, report.CollapsedBytes >> 20, Math.Max(0, report.HugePageBytes) >> 20, report.Problem);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    [LoggerMessage(EventId = 90, Level = LogLevel.Information, Message = "Managed heap in huge pages ({Mode}): {CollapsedMiB} MiB rebuilt, {HugeMiB} MiB of the process in huge pages")]
    private static partial void LogApplied(ILogger logger, HugePageMode mode, long collapsedMiB, long hugeMiB);

    [LoggerMessage(EventId = 91, Level = LogLevel.Information, Message = "Managed heap in huge pages ({Mode}) not applied: {Problem}. LiveNews runs as before; set LiveNews:Runtime:HugePages to Off to stop asking")]
    private static partial void LogRefused(ILogger logger, HugePageMode mode, string problem);

    [LoggerMessage(EventId = 92, Level = LogLevel.Debug, Message = "Managed heap pages: {CollapsedMiB} MiB rebuilt, {HugeMiB} MiB in huge pages ({Problem})")]
    private static partial void LogReapplied(ILogger logger, long collapsedMiB, long hugeMiB, string? problem);
}
