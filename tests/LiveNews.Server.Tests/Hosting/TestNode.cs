using LiveNews.Server.Events;
using LiveNews.Server.Hosting;
using LiveNews.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LiveNews.Server.Tests.Hosting;

/// <summary>
/// A LiveNews node on loopback (embedded profile, free ports, no demo), or in the Redis profile with
/// <see cref="StartRedisAsync"/>, with a client that sends the API key.
/// </summary>
internal sealed class TestNode : IAsyncDisposable
{
    private TestNode(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    /// <summary>A node of the Redis profile's cluster <paramref name="clusterId"/>.</summary>
    public static Task<TestNode> StartRedisAsync(RedisServer redis, string clusterId, IReadOnlyDictionary<string, string>? settings = null) =>
        StartAsync(new Dictionary<string, string>(settings ?? new Dictionary<string, string>())
        {
            [LiveNewsSiloExtensions.RedisKey] = redis.ConnectionString,
            ["LiveNews:Silo:ClusterId"] = clusterId,
            ["LiveNews:Silo:ServiceId"] = clusterId,
            ["LiveNews:Silo:AdvertisedAddress"] = "127.0.0.1",
        });

    /// <summary>
    /// Starts a node and, unless <paramref name="waitForEventRelay"/> is false, waits until it relays
    /// story events (as /readyz does), so a test's first article reaches its SSE clients.
    /// </summary>
    public static async Task<TestNode> StartAsync(IReadOnlyDictionary<string, string>? settings = null, Action<WebApplicationBuilder>? configure = null, bool waitForEventRelay = true, Action<IServiceCollection>? replaceServices = null)
    {
        var app = LiveNewsApp.Build([], builder =>
        {
            var c = builder.Configuration;
            c["LiveNews:ApiKey"] = ServerFixture.ApiKey;
            c["LiveNews:Demo:Enabled"] = "false";
            c["LiveNews:Silo:SiloPort"] = "0";
            c["LiveNews:Silo:GatewayPort"] = "0";
            c["Logging:LogLevel:Default"] = "Warning";
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                c[key] = value;
            }

            builder.WebHost.UseUrls("http://127.0.0.1:0");
            configure?.Invoke(builder);
        }, replaceServices);
        await app.StartAsync(TestContext.Current.CancellationToken);
        if (waitForEventRelay)
        {
            await app.Services.GetRequiredService<EventRelayReadiness>().Ready.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);
        }

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ServerFixture.ApiKey);
        return new TestNode(app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
