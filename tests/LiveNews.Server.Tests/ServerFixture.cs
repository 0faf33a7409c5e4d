using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Net.Http.Headers;
using LiveNews.Server.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace LiveNews.Server.Tests;

/// <summary>A real LiveNews server (embedded silo + Kestrel) on a free loopback port, without the demo story.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string ApiKey = "test-api-key-0123456789";

    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _app!.Services;

    /// <summary>A client with no API key.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>A client that sends the API key.</summary>
    public HttpClient CreateAuthorizedClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public async ValueTask InitializeAsync()
    {
        _app = LiveNewsApp.Build([], builder =>
        {
            builder.Configuration["LiveNews:ApiKey"] = ApiKey;
            builder.Configuration["LiveNews:Demo:Enabled"] = "false";
            builder.Configuration["LiveNews:Feeds:AllowPrivateAddresses"] = "true";
            builder.Configuration["LiveNews:Webhooks:AllowPrivateAddresses"] = "true";
            builder.Configuration["LiveNews:Webhooks:Timeout"] = "00:00:02";
            for (var i = 0; i < 8; i++)
            {
                builder.Configuration[$"LiveNews:Webhooks:RetrySchedule:{i}"] = i == 0 ? "00:00:00" : "00:00:00.05";
            }

            builder.Configuration["LiveNews:Silo:SiloPort"] = "0";
            builder.Configuration["LiveNews:Silo:GatewayPort"] = "0";
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
