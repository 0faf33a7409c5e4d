using System.Net.Http.Json;
using LiveNews.Server.Hosting;
using LiveNews.Server.Tests.Hosting;

namespace LiveNews.Server.Tests.Events;

/// <summary>Two LiveNews nodes in one cluster: each serves its own browsers, and every browser sees every event.</summary>
public sealed class TwoNodeEventsTests : IAsyncLifetime
{
    private readonly List<TestNode> _nodes = [];
    private readonly List<Uri> _addresses = [];

    public async ValueTask InitializeAsync()
    {
        var primarySiloPort = FreePort.Next();
        foreach (var primary in new[] { true, false })
        {
            var node = await TestNode.StartAsync(new Dictionary<string, string>
            {
                ["LiveNews:Silo:ClusterId"] = "two-nodes-" + primarySiloPort,
                ["LiveNews:Silo:SiloPort"] = (primary ? primarySiloPort : FreePort.Next()).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["LiveNews:Silo:PrimarySiloPort"] = primary ? "0" : primarySiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            });
            _nodes.Add(node);
            _addresses.Add(node.Client.BaseAddress!);
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
            await _nodes[i].DisposeAsync();
        }
    }
}
