using System.Net.Http.Json;
using LiveNews.Server.Tests.Hosting;
using LiveNews.Tests.Shared;

namespace LiveNews.Server.Tests.Events;

/// <summary>
/// The Redis profile's durable "stories" stream: a browser whose node went away reconnects to a node that
/// started afterwards, with Last-Event-ID, and gets every event it missed.
/// </summary>
public sealed class RedisProfileEventsTests
{
    [Fact]
    public async Task Reconnect_ToANewNode_WithLastEventId_MissesNothing()
    {
        await using var redis = await RedisServer.StartAsync();
        var clusterId = "sse-" + Guid.NewGuid().ToString("N")[..8];
        var tag = "Relay" + Guid.NewGuid().ToString("N")[..6];
        string[] titles = ["tram derails in the old town", "museum roof collapses after storm", "port workers begin a strike", "wildfire closes the coastal road"];

        string firstId;
        await using (var nodeA = await TestNode.StartRedisAsync(redis, clusterId))
        {
            await using var browser = await SseReader.OpenAsync(nodeA.Client, $"/api/events?q={tag}", cancellationToken: TestContext.Current.CancellationToken);
            for (var i = 0; i < titles.Length; i++)
            {
                var posted = await nodeA.Client.PostAsJsonAsync(new Uri("/api/articles", UriKind.Relative), new[]
                {
                    new { id = $"{tag}-{i}", source = "wire", title = $"{tag} {titles[i]}", text = $"{tag}: the {titles[i]}, officials said on Monday." },
                }, TestContext.Current.CancellationToken);
                posted.EnsureSuccessStatusCode();
            }

            // The browser saw the first event, then its node went away.
            var first = await browser.NextAsync(TimeSpan.FromSeconds(30));
            Assert.NotNull(first);
            Assert.Contains($"{tag}-0", first.Data, StringComparison.Ordinal);
            firstId = first.Id!;
        }

        await using var nodeB = await TestNode.StartRedisAsync(redis, clusterId);
        await using var resumed = await SseReader.OpenAsync(nodeB.Client, $"/api/events?q={tag}", lastEventId: firstId, cancellationToken: TestContext.Current.CancellationToken);
        var missed = new List<string>();
        for (var i = 1; i < titles.Length; i++)
        {
            var next = await resumed.NextAsync(TimeSpan.FromSeconds(30));
            Assert.NotNull(next);
            missed.Add(next.Data);
        }

        for (var i = 1; i < titles.Length; i++)
        {
            Assert.Contains($"{tag}-{i}", missed[i - 1], StringComparison.Ordinal);
        }
    }
}
