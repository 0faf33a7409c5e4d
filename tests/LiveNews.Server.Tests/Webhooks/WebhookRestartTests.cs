using System.Net.Http.Json;
using System.Text.Json;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Contracts.Webhooks;
using LiveNews.Grains.Tests.Webhooks;
using LiveNews.Server.Tests.Hosting;
using LiveNews.Tests.Shared;
using Microsoft.AspNetCore.Http;

namespace LiveNews.Server.Tests.Webhooks;

/// <summary>
/// The Redis profile keeps a webhook outbox across a restart: a node queues alerts for a receiver that is
/// down, stops, and a new node on the same Redis delivers every one of them, in order, exactly once.
/// </summary>
public sealed class WebhookRestartTests
{
    // Longer than the endpoint's one-minute reminder: the resume at start-up normally delivers within
    // seconds. The rare run that used to time out here had delivered all three: the receiver woke this
    // test on the last request before its behaviour had counted it (fixed in WebhookReceiver).
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["LiveNews:Webhooks:AllowPrivateAddresses"] = "true",
        ["LiveNews:Webhooks:Timeout"] = "00:00:02",
        ["LiveNews:Webhooks:RetrySchedule:0"] = "00:00:00",
        ["LiveNews:Webhooks:RetrySchedule:1"] = "00:00:00.2",
        ["LiveNews:Webhooks:RetrySchedule:2"] = "00:00:00.5",
        ["LiveNews:Webhooks:RetrySchedule:3"] = "00:00:01",
        ["LiveNews:Webhooks:RetrySchedule:4"] = "00:00:02",
        ["LiveNews:Webhooks:RetrySchedule:5"] = "00:00:05",
        ["LiveNews:Webhooks:RetrySchedule:6"] = "00:00:10",
        ["LiveNews:Webhooks:RetrySchedule:7"] = "00:00:30",
    };

    [Fact]
    public async Task Restart_ResumesPendingDeliveries_NoneLost()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var receiver = await WebhookReceiver.StartAsync();
        var down = true;
        var succeeded = new System.Collections.Concurrent.ConcurrentBag<int>();
        receiver.Behaviour = (message, context) =>
        {
            context.Response.StatusCode = down ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status204NoContent;
            if (!down)
            {
                succeeded.Add(message.Index);
            }

            return Task.CompletedTask;
        };
        var clusterId = "restart-" + Guid.NewGuid().ToString("N")[..8];
        var tag = "Restart" + Guid.NewGuid().ToString("N")[..6];

        // Node A queues three alerts while the receiver is down.
        var nodeA = await TestNode.StartRedisAsync(redis, clusterId, Settings);
        var clientA = nodeA.Client;
        WebhookCreated created;
        var articleIds = new List<string>();
        try
        {
            var response = await clientA.PostAsJsonAsync(new Uri("/api/webhooks", UriKind.Relative), new { url = receiver.Url, filter = new { keywords = new[] { tag } } }, Ct);
            response.EnsureSuccessStatusCode();
            created = (await response.Content.ReadFromJsonAsync<WebhookCreated>(LiveNewsJson.Options, Ct))!;
            string[][] stories =
            [
                ["ferry runs aground off the northern coast", "The ferry ran aground off the northern coast, the coastguard said."],
                ["lighthouse keepers strike over pay", "Lighthouse keepers walked out over pay on Tuesday, their union said."],
                ["volcano ash closes the regional airport", "Ash from the volcano closed the regional airport for a second day."],
            ];
            for (var i = 0; i < stories.Length; i++)
            {
                var id = $"{tag}-{i}";
                articleIds.Add(id);
                var posted = await clientA.PostAsJsonAsync(new Uri("/api/articles", UriKind.Relative), new[] { new { id, source = "wire", title = $"{tag} {stories[i][0]}", text = $"{tag}: {stories[i][1]}" } }, Ct);
                posted.EnsureSuccessStatusCode();
            }

            var pending = await WaitForEndpointAsync(clientA, created.Endpoint.Id, e => e.Pending == 3 && e.FailingSince is not null, "node A: three alerts pending, the endpoint failing");
            Assert.Equal(0, pending.Delivered);
        }
        finally
        {
            await nodeA.DisposeAsync();
        }

        // The receiver recovers; node B, a new process on the same Redis, picks the outbox up.
        var failedBeforeRestart = receiver.Received.Count;
        Assert.True(failedBeforeRestart >= 1);
        down = false;
        await using var nodeB = await TestNode.StartRedisAsync(redis, clusterId, Settings);
        var clientB = nodeB.Client;
        await receiver.WaitForAsync(_ => succeeded.Count >= 3, Patience);
        var delivered = receiver.Received.Where(r => succeeded.Contains(r.Index)).ToList();
        Assert.Equal(articleIds, delivered.Select(r =>
        {
            using var doc = JsonDocument.Parse(r.Body);
            return doc.RootElement.GetProperty("articleId").GetString();
        }));
        Assert.All(receiver.Received, r => Assert.True(StandardWebhooksVerifier.Verify(created.Secret, r), "signature"));
        var endpoint = await WaitForEndpointAsync(clientB, created.Endpoint.Id, e => e.Delivered == 3, "node B: three alerts delivered");
        Assert.Equal(0, endpoint.Pending);
        Assert.Null(endpoint.FailingSince);
    }

    private static async Task<WebhookEndpointInfo> WaitForEndpointAsync(HttpClient client, string id, Func<WebhookEndpointInfo, bool> condition, string what)
    {
        WebhookEndpointInfo? last = null;
        try
        {
            return (await Eventually.ValueAsync(
                async () => last = await client.GetFromJsonAsync<WebhookEndpointInfo>(new Uri($"/api/webhooks/{id}", UriKind.Relative), LiveNewsJson.Options, Ct),
                info => info is not null && condition(info),
                what,
                Patience,
                Ct))!;
        }
        catch (TimeoutException ex)
        {
            // Say where it stood, so a rare failure can be told apart from the others.
            throw new TimeoutException($"{ex.Message}; last seen: pending {last?.Pending}, delivered {last?.Delivered}, failing since {last?.FailingSince}, enabled {last?.Enabled}", ex);
        }
    }
}
