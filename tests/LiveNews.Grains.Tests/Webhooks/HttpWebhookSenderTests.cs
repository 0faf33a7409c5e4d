using LiveNews.Feeds.Safety;
using LiveNews.Grains.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LiveNews.Grains.Tests.Webhooks;

public sealed class HttpWebhookSenderTests : IAsyncLifetime
{
    private const string Body = "{\"type\":\"StoryCreated\",\"storyId\":\"s-1\"}";
    private static readonly string Secret = WebhookSignature.NewSecret();
    private WebhookReceiver _receiver = null!;

    public async ValueTask InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async ValueTask DisposeAsync() => await _receiver.DisposeAsync();

    private static HttpWebhookSender Sender(bool allowPrivate, TimeProvider? time = null) =>
        new(new HttpClient(new DestinationGuard(allowPrivate).CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan },
            Options.Create(new WebhookOptions { Timeout = TimeSpan.FromSeconds(15) }),
            time ?? TimeProvider.System);

    [Fact]
    public async Task Send_PostsTheStandardWebhooksHeadersAndAVerifiableSignature()
    {
        var result = await Sender(allowPrivate: true).SendAsync(_receiver.Url, "msg_abc", Body, [Secret], TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(204, result.StatusCode);
        var received = Assert.Single(_receiver.Received);
        Assert.Equal("msg_abc", received.Id);
        Assert.Equal(Body, received.Body);
        Assert.True(StandardWebhooksVerifier.Verify(Secret, received));
    }

    [Fact]
    public async Task Send_DoesNotFollowRedirects()
    {
        _receiver.Behaviour = (_, context) =>
        {
            context.Response.StatusCode = StatusCodes.Status302Found;
            context.Response.Headers.Location = "/elsewhere";
            return Task.CompletedTask;
        };

        var result = await Sender(allowPrivate: true).SendAsync(_receiver.Url, "msg_r", Body, [Secret], TestContext.Current.CancellationToken);

        Assert.False(result.Succeeded);
        Assert.Equal(302, result.StatusCode);
        Assert.Contains("redirects are not followed", result.Error, StringComparison.Ordinal);
        Assert.Equal(["/hook"], _receiver.Received.Select(r => r.Path));
    }

    [Fact]
    public async Task Send_ReportsStatusRetryAfterAndTheStartOfTheErrorBody()
    {
        _receiver.Behaviour = async (_, context) =>
        {
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "30";
            await context.Response.WriteAsync("down for maintenance\n" + new string('x', 10_000));
        };

        var result = await Sender(allowPrivate: true).SendAsync(_receiver.Url, "msg_503", Body, [Secret], TestContext.Current.CancellationToken);

        Assert.Equal(503, result.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
        Assert.StartsWith("HTTP 503: down for maintenance x", result.Error, StringComparison.Ordinal);
        Assert.True(result.Error!.Length < 600);
    }

    [Fact]
    public async Task Send_TimesOutOnTheInjectedClock()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var answered = new TaskCompletionSource();
        _receiver.Behaviour = async (_, context) =>
        {
            // Hangs until the sender gives up (the connection closes) or the test ends.
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                answered.TrySetResult();
            }
        };

        var sending = Sender(allowPrivate: true, time).SendAsync(_receiver.Url, "msg_slow", Body, [Secret], TestContext.Current.CancellationToken);
        await _receiver.WaitForAsync(r => r.Count == 1, TimeSpan.FromSeconds(30));
        Assert.False(sending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(15));
        var result = await sending.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Null(result.StatusCode);
        Assert.Equal("timed out after 15 s", result.Error);
        await answered.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    public async Task Send_RefusesLoopbackUnlessAllowed(string host)
    {
        var url = new UriBuilder(_receiver.Url) { Host = host }.Uri;

        var result = await Sender(allowPrivate: false).SendAsync(url, "msg_ssrf", Body, [Secret], TestContext.Current.CancellationToken);

        Assert.Null(result.StatusCode);
        Assert.StartsWith("refused:", result.Error, StringComparison.Ordinal);
        Assert.Empty(_receiver.Received);
    }

    [Fact]
    public async Task Send_ReportsAConnectionFailure()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var closed = new UriBuilder("http", "127.0.0.1", port).Uri;
        var result = await Sender(allowPrivate: true).SendAsync(closed, "msg_x", Body, [Secret], TestContext.Current.CancellationToken);
        Assert.StartsWith("connection failed:", result.Error, StringComparison.Ordinal);
    }
}
