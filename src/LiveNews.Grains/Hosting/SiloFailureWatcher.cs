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
    ILogger<SiloFailureWatcher> logger) : BackgroundService
{
    /// <summary>Calls in flight at once while resuming.</summary>
    private const int Parallelism = 32;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dead = new HashSet<SiloAddress>();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var newlyDead = snapshot.Members.Values
                    .Where(m => m.Status == SiloStatus.Dead && !m.SiloAddress.Equals(localSilo.SiloAddress) && dead.Add(m.SiloAddress))
                    .Select(m => m.SiloAddress)
                    .ToList();
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
        try
        {
            var feeds = await grains.GetGrain<IFeedRegistryGrain>(0).ListAsync();
            await Parallel.ForEachAsync(feeds, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (id, _) => await ResumeOneAsync(() => grains.GetGrain<IFeedReaderGrain>(id).ResumeAsync(), id));
            var endpoints = await grains.GetGrain<IWebhookRegistryGrain>(0).ListAsync();
            await Parallel.ForEachAsync(endpoints, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (id, _) => await ResumeOneAsync(() => grains.GetGrain<IWebhookEndpointGrain>(id).ResumeAsync(), id));
            LogResumed(logger, feeds.Length, endpoints.Length);
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            LogResumeFailed(logger, ex);
        }
    }

    private async Task ResumeOneAsync(Func<Task> resume, string id)
    {
        try
        {
            await resume();
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException)
        {
            LogResumeOneFailed(logger, id, ex);
        }
    }

    [LoggerMessage(EventId = 90, Level = LogLevel.Warning, Message = "Silo(s) {Silos} declared dead: resuming feeds and webhook endpoints on the survivors")]
    private static partial void LogSiloDied(ILogger logger, string silos);

    [LoggerMessage(EventId = 91, Level = LogLevel.Information, Message = "Resumed {Feeds} feeds and {Endpoints} webhook endpoints after a silo failure")]
    private static partial void LogResumed(ILogger logger, int feeds, int endpoints);

    [LoggerMessage(EventId = 92, Level = LogLevel.Warning, Message = "Could not resume after a silo failure; reminders will")]
    private static partial void LogResumeFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 93, Level = LogLevel.Warning, Message = "Could not resume {Id} after a silo failure; its reminder will")]
    private static partial void LogResumeOneFailed(ILogger logger, string id, Exception exception);
}
