using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiveNews.Grains.Tests.Webhooks;

/// <summary>One POST a webhook receiver got.</summary>
public sealed record ReceivedWebhook(int Index, string Path, string? Id, string? Timestamp, string? Signature, string Body);

/// <summary>
/// A webhook receiver on loopback (Kestrel): records every request and answers as <see cref="Behaviour"/>
/// says (204 by default).
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ReceivedWebhook> _received = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _arrival = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Writes the answer to a request; may wait (to make the sender time out).</summary>
    public Func<ReceivedWebhook, HttpContext, Task> Behaviour { get; set; } = (_, context) =>
    {
        context.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    };

    public Uri BaseAddress { get; private set; } = null!;

    public Uri Url => new(BaseAddress, "/hook");

    public IReadOnlyList<ReceivedWebhook> Received
    {
        get
        {
            lock (_gate)
            {
                return _received.ToList();
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return receiver;
    }

    /// <summary>Waits until the received requests satisfy <paramref name="condition"/>; fails after <paramref name="timeout"/>.</summary>
    public async Task<IReadOnlyList<ReceivedWebhook>> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> condition, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (true)
        {
            Task arrival;
            lock (_gate)
            {
                arrival = _arrival.Task;
            }

            var snapshot = Received;
            if (condition(snapshot))
            {
                return snapshot;
            }

            try
            {
                await arrival.WaitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"The receiver did not see what was expected within {timeout}; it got {snapshot.Count} requests: {string.Join(", ", snapshot.Select(r => r.Id))}");
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        ReceivedWebhook received;
        TaskCompletionSource arrival;
        lock (_gate)
        {
            received = new ReceivedWebhook(
                _received.Count,
                context.Request.Path.Value ?? "",
                context.Request.Headers["webhook-id"].FirstOrDefault(),
                context.Request.Headers["webhook-timestamp"].FirstOrDefault(),
                context.Request.Headers["webhook-signature"].FirstOrDefault(),
                body);
            _received.Add(received);
            arrival = _arrival;
            _arrival = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrival.TrySetResult();
        await Behaviour(received, context);

        // Wake the waiters again once the behaviour has run: a condition on what it records (say, the
        // deliveries it accepted) was false when they woke on the arrival, and no further request may come.
        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource arrival;
        lock (_gate)
        {
            arrival = _arrival;
            _arrival = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        arrival.TrySetResult();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
