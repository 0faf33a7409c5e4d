using System.Net.Http.Json;
using LiveNews.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LiveNews.Server.Tests.Events;

/// <summary>Two LiveNews nodes in one cluster: each serves its own browsers, and every browser sees every event.</summary>
public sealed class TwoNodeEventsTests : IAsyncLifetime
{
    private readonly List<WebApplication> _nodes = [];
    private readonly List<Uri> _addresses = [];

    public async ValueTask InitializeAsync()
    {
        var primarySiloPort = FreePort.Next();
        foreach (var primary in new[] { true, false })
        {
            var siloPort = primary ? primarySiloPort : FreePort.Next();
            var app = LiveNewsApp.Build([], builder =>
            {
                builder.Configuration["LiveNews:ApiKey"] = ServerFixture.ApiKey;
                builder.Configuration["LiveNews:Demo:Enabled"] = "false";
                builder.Configuration["LiveNews:Silo:ClusterId"] = "two-nodes-" + primarySiloPort;
                builder.Configuration["LiveNews:Silo:SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
                builder.Configuration["LiveNews:Silo:GatewayPort"] = "0";
                builder.Configuration["LiveNews:Silo:PrimarySiloPort"] = primary ? "0" : primarySiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture);
                builder.Configuration["Logging:LogLevel:Default"] = "Warning";
                builder.WebHost.UseUrls("http://127.0.0.1:0");
            });
            await app.StartAsync();
            _nodes.Add(app);
            _addresses.Add(new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));
        }
    }

    [Fact]
    public async Task EveryBrowser_SeesEveryEvent_WhicheverNodeTookTheArticle()
    {
        using var readerA = new HttpClient { BaseAddress = _addresses[0], Timeout = TimeSpan.FromSeconds(60) };
        using var readerB = new HttpClient { BaseAddress = _addresses[1], Timeout = TimeSpan.FromSeconds(60) };
        var tag = "Two" + Guid.NewGuid().ToString("N")[..6];
        await using var onA = await SseReader.OpenAsync(readerA, $"/api/events?q={tag}", cancellationToken: TestContext.Current.CancellationToken);
        await using var onB = await SseReader.OpenAsync(readerB, $"/api/events?q={tag}", cancellationToken: TestContext.Current.CancellationToken);

        for (var node = 0; node < 2; node++)
        {
            using var writer = new HttpClient { BaseAddress = _addresses[node], Timeout = TimeSpan.FromSeconds(60) };
            writer.DefaultRequestHeaders.Add("X-Api-Key", ServerFixture.ApiKey);
            var response = await writer.PostAsJsonAsync(new Uri("/api/articles", UriKind.Relative), new[]
            {
                new { id = $"{tag}-{node}", source = "wire", title = $"{tag} harbour fire number {node}", text = $"A fire broke out in the {tag} harbour warehouse number {node}, the {tag} fire brigade said." },
            }, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();

            var fromA = await onA.NextAsync(TimeSpan.FromSeconds(20));
            var fromB = await onB.NextAsync(TimeSpan.FromSeconds(20));
            Assert.NotNull(fromA);
            Assert.Equal(fromA.Id, fromB?.Id);
            Assert.Contains($"number {node}", fromA.Data, StringComparison.Ordinal);
        }
    }

    public async ValueTask DisposeAsync()
    {
        for (var i = _nodes.Count - 1; i >= 0; i--)
        {
            await _nodes[i].StopAsync();
            await _nodes[i].DisposeAsync();
        }
    }
}
