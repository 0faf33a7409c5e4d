using System.Net;
using LiveNews.Server.Events;
using LiveNews.Server.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace LiveNews.Server.Tests.Events;

public class EventRelayReadinessTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NodeWithoutItsEventRelay_IsNotReady_AndOpensNoEventStream()
    {
        // A node whose relay never subscribes: its browsers would miss every event, so it must say so.
        await using var node = await TestNode.StartAsync(
            new Dictionary<string, string> { ["LiveNews:Events:RelayWait"] = "00:00:00.200" },
            waitForEventRelay: false,
            replaceServices: services => services.Remove(services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(StoryEventRelay))));

        var ready = await node.Client.GetAsync(new Uri("/readyz", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("event relay", await ready.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var events = await node.Client.GetAsync(new Uri("/api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, events.StatusCode);
        Assert.Equal("2", events.Headers.GetValues("Retry-After").Single());
        Assert.Equal(0, node.App.Services.GetRequiredService<SseConnections>().Count);

        // Once the relay is there, both answer.
        node.App.Services.GetRequiredService<EventRelayReadiness>().MarkReady();
        Assert.Equal("ready", await node.Client.GetStringAsync(new Uri("/readyz", UriKind.Relative), Ct));
        using var opened = await node.Client.GetAsync(new Uri("/api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        Assert.Equal("text/event-stream", opened.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WaitAsync_ReturnsFalse_WhenTheRelayDoesNotComeInTime()
    {
        var time = new FakeTimeProvider();
        var readiness = new EventRelayReadiness();
        var waiting = readiness.WaitAsync(TimeSpan.FromSeconds(10), time, Ct);
        time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(waiting.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await waiting);
    }

    [Fact]
    public async Task WaitAsync_ReturnsTrue_OnceTheRelayIsReady()
    {
        var time = new FakeTimeProvider();
        var readiness = new EventRelayReadiness();
        var waiting = readiness.WaitAsync(TimeSpan.FromSeconds(10), time, Ct);
        Assert.False(readiness.IsReady);
        readiness.MarkReady();
        Assert.True(await waiting);
        Assert.True(readiness.IsReady);
        Assert.True(await readiness.WaitAsync(TimeSpan.Zero, time, Ct));
    }
}
