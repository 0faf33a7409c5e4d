using System.Net.Http.Headers;
using LiveNews.Server.Tests.Hosting;

namespace LiveNews.Server.Tests;

/// <summary>A real LiveNews server (embedded silo + Kestrel) on a free loopback port, without the demo story.</summary>
public sealed class ServerFixture : IAsyncLifetime
{
    public const string ApiKey = "test-api-key-0123456789";

    private TestNode? _node;

    public Uri BaseAddress { get; private set; } = null!;

    public IServiceProvider Services => _node!.App.Services;

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
        var settings = new Dictionary<string, string>
        {
            ["LiveNews:Feeds:AllowPrivateAddresses"] = "true",
            ["LiveNews:Webhooks:AllowPrivateAddresses"] = "true",
            ["LiveNews:Webhooks:Timeout"] = "00:00:02",
        };
        for (var i = 0; i < 8; i++)
        {
            settings[$"LiveNews:Webhooks:RetrySchedule:{i}"] = i == 0 ? "00:00:00" : "00:00:00.05";
        }

        _node = await TestNode.StartAsync(settings);
        BaseAddress = _node.Client.BaseAddress!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ServerCollection : ICollectionFixture<ServerFixture>
{
    public const string Name = "server";
}
