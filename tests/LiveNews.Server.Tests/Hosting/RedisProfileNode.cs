using LiveNews.Server.Hosting;
using LiveNews.Tests.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LiveNews.Server.Tests.Hosting;

/// <summary>A LiveNews node in the Redis profile on loopback, with a client that sends the API key.</summary>
internal sealed class RedisProfileNode : IAsyncDisposable
{
    private RedisProfileNode(WebApplication app, HttpClient client)
    {
        App = app;
        Client = client;
    }

    public WebApplication App { get; }

    public HttpClient Client { get; }

    public static async Task<RedisProfileNode> StartAsync(RedisServer redis, string clusterId, IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = LiveNewsApp.Build([], builder =>
        {
            var c = builder.Configuration;
            c["LiveNews:ApiKey"] = ServerFixture.ApiKey;
            c["LiveNews:Demo:Enabled"] = "false";
            c[LiveNewsSiloExtensions.RedisKey] = redis.ConnectionString;
            c["LiveNews:Silo:ClusterId"] = clusterId;
            c["LiveNews:Silo:ServiceId"] = clusterId;
            c["LiveNews:Silo:SiloPort"] = "0";
            c["LiveNews:Silo:GatewayPort"] = "0";
            c["LiveNews:Silo:AdvertisedAddress"] = "127.0.0.1";
            c["Logging:LogLevel:Default"] = "Warning";
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                c[key] = value;
            }

            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Add("X-Api-Key", ServerFixture.ApiKey);
        return new RedisProfileNode(app, client);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
