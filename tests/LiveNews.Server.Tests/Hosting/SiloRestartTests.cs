using System.Diagnostics;
using LiveNews.Tests.Shared;

namespace LiveNews.Server.Tests.Hosting;

/// <summary>
/// The only silo of a Redis-profile cluster dies by SIGKILL and a new one starts on another address (a
/// container that came back elsewhere): the new silo must not wait long for its dead predecessor, which
/// the membership table still calls active. A joining silo checks that it can reach every active silo
/// except those that stopped saying they are alive; with Orleans' defaults that took about 105 s here.
/// </summary>
public sealed class SiloRestartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Silo_RestartedOnANewAddress_IsReadyWithinAMinute()
    {
        await using var redis = await RedisServer.StartAsync();
        var clusterId = "restart-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string>();
        int deadPort;
        await using (var silo = await SiloProcess.StartAsync(redis.ConnectionString, clusterId, settings, Ct))
        {
            deadPort = silo.SiloPort;
            silo.Kill();
        }

        var clock = Stopwatch.StartNew();
        await using var successor = await SiloProcess.StartAsync(redis.ConnectionString, clusterId, settings, Ct);
        clock.Stop();

        Assert.NotEqual(deadPort, successor.SiloPort);
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"the successor took {clock.Elapsed.TotalSeconds:F0} s to be ready");
        using var response = await successor.Client.GetAsync(new Uri("/api/stories", UriKind.Relative), Ct);
        Assert.True(response.IsSuccessStatusCode, $"GET /api/stories: {(int)response.StatusCode}");
    }
}
