using LiveNews.Abstractions.Grains;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LiveNews.Grains.Hosting;

/// <summary>
/// Watches cluster membership; when a silo is declared dead, the oldest surviving silo asks every feed
/// reader and webhook endpoint to resume. Those that lived on the dead silo are activated on a survivor at
/// once and carry on (a due poll runs, pending deliveries go out) instead of waiting for their reminders,
/// which stay as the backstop. Resuming is idempotent, so a second survivor doing it too costs only calls.
/// </summary>
public sealed partial class SiloFailureWatcher(
    IClusterMembershipService membership,
    ILocalSiloDetails localSilo,
    IGrainFactory grains,
    TimeProvider time,
    ILogger<SiloFailureWatcher> logger) : BackgroundService
{
    /// <summary>Calls in flight at once while resuming.</summary>
    private const int Parallelism = 32;

    /// <summary>Rounds of resuming after one failure (the later ones only when some grain could not be reached).</summary>
    private const int Attempts = 4;

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Only a death this silo lived through counts: silos that were dead before it joined (the membership
        // table keeps them a while) were resumed from by whoever saw them die, or by a restart's resume task.
        var active = new HashSet<SiloAddress>();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var newlyDead = snapshot.Members.Values
                    .Where(m => m.Status == SiloStatus.Dead && active.Remove(m.SiloAddress))
                    .Select(m => m.SiloAddress)
                    .ToList();
                active.UnionWith(snapshot.Members.Values.Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(localSilo.SiloAddress)).Select(m => m.SiloAddress));
                if (newlyDead.Count == 0 || !IsOldestActive(snapshot))
                {
                    continue;
                }

                LogSiloDied(logger, string.Join(", ", newlyDead));
                await ResumeAllAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>True when this silo is the oldest active one (every silo agrees on that from the same snapshot).</summary>
    private bool IsOldestActive(ClusterMembershipSnapshot snapshot)
    {
        var oldest = snapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active)
            .OrderBy(m => m.SiloAddress.Generation)
            .ThenBy(m => m.SiloAddress.ToParsableString(), StringComparer.Ordinal)
            .FirstOrDefault();
        return oldest is not null && oldest.SiloAddress.Equals(localSilo.SiloAddress);
    }

    private async Task ResumeAllAsync(CancellationToken cancellationToken)
    {
        // Right after the death, calls may still meet the dead silo's directory entries: what failed is tried again.
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(RetryDelay, time, cancellationToken);
            }

            try
            {
                var feeds = await grains.GetGrain<IFeedRegistryGrain>(0).ListAsync();
                var endpoints = await grains.GetGrain<IWebhookRegistryGrain>(0).ListAsync();
                var failed = await ResumeEachAsync(feeds, id => grains.GetGrain<IFeedReaderGrain>(id).ResumeAsync(), cancellationToken)
                    + await ResumeEachAsync(endpoints, id => grains.GetGrain<IWebhookEndpointGrain>(id).ResumeAsync(), cancellationToken);
                LogResumed(logger, feeds.Length, endpoints.Length, failed);
                if (failed == 0)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                LogResumeFailed(logger, ex);
            }
        }
    }

    /// <summary>Resumes each grain (a bounded number at a time); returns how many could not be reached.</summary>
    private async Task<int> ResumeEachAsync(IEnumerable<string> ids, Func<string, Task> resume, CancellationToken cancellationToken)
    {
        var failed = 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (id, _) =>
        {
            try
            {
                await resume(id);
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                Interlocked.Increment(ref failed);
                LogResumeOneFailed(logger, id, ex);
            }
        });
        return failed;
    }

    [LoggerMessage(EventId = 90, Level = LogLevel.Warning, Message = "Silo(s) {Silos} declared dead: resuming feeds and webhook endpoints on the survivors")]
    private static partial void LogSiloDied(ILogger logger, string silos);

    [LoggerMessage(EventId = 91, Level = LogLevel.Information, Message = "Resumed {Feeds} feeds and {Endpoints} webhook endpoints after a silo failure; {Failed} not reached")]
    private static partial void LogResumed(ILogger logger, int feeds, int endpoints, int failed);

    [LoggerMessage(EventId = 92, Level = LogLevel.Warning, Message = "Could not resume after a silo failure; reminders will")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 93, Level = LogLevel.Warning, Message = "Could not resume {Id} after a silo failure (tried again shortly; its reminder is the backstop)")]
    private static partial void LogResumeOneFailed(ILogger logger, string id, Exception exception);
}
