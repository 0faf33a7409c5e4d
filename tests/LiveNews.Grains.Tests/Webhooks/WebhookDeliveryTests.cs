using LiveNews.Tests.Shared;
using System.Text.Json;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Contracts.Webhooks;
using LiveNews.Abstractions.Grains;
using LiveNews.Grains.Webhooks;
using Microsoft.AspNetCore.Http;

namespace LiveNews.Grains.Tests.Webhooks;

/// <summary>Webhook endpoints in a two-silo cluster delivering to a receiver on loopback.</summary>
[Collection(WebhookClusterCollection.Name)]
public sealed class WebhookDeliveryTests(WebhookClusterFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private static readonly WebhookFilter AllTypes = new() { EventTypes = [.. Enum.GetValues<StoryEventType>()] };
    private readonly string _tag = "Tag" + Guid.NewGuid().ToString("N")[..8];
    private WebhookReceiver _receiver = null!;

    public async ValueTask InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async ValueTask DisposeAsync() => await _receiver.DisposeAsync();

    private async Task<(IWebhookEndpointGrain Grain, string Secret)> CreateAsync(WebhookFilter filter, Uri? url = null)
    {
        var id = "wh_" + Guid.NewGuid().ToString("N")[..16];
        var secret = WebhookSignature.NewSecret();
        var grain = fixture.Client.GetGrain<IWebhookEndpointGrain>(id);
        await grain.CreateAsync((url ?? _receiver.Url).ToString(), filter with { Keywords = [_tag] }, WebhookFormat.Standard, "test", secret);
        return (grain, secret);
    }

    /// <summary>
    /// Ingests a short article of its own story: made-up words, so that it shares nothing with the
    /// articles of other tests (a shared story would carry another test's headline). Returns its id.
    /// </summary>
    private async Task<string> IngestAsync(int n, string? tag = null)
    {
        tag ??= _tag;
        var id = $"{tag}-{n}";
        var words = MadeUpWords.From(Guid.NewGuid().ToString(), 12);
        await fixture.Client.GetGrain<IStoryRouterGrain>(0).IngestAsync(new ArticleVersion
        {
            Id = id,
            Source = "wire",
            Title = $"{tag} {words[0]} {words[1]} {words[2]}",
            Text = $"The {tag} {string.Join(' ', words[3..8])} said. {string.Join(' ', words[8..])} {n}.",
            Published = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
        });
        return id;
    }

    private static string ArticleIdOf(ReceivedWebhook message)
    {
        using var doc = JsonDocument.Parse(message.Body);
        return doc.RootElement.GetProperty("articleId").GetString()!;
    }

    private static List<ReceivedWebhook> Succeeded(IReadOnlyList<ReceivedWebhook> received, ISet<int> failedIndexes) =>
        received.Where(r => !failedIndexes.Contains(r.Index)).ToList();

    [Fact]
    public async Task Deliver_MatchingEventsInOrderWithValidSignatures()
    {
        var (endpoint, secret) = await CreateAsync(AllTypes);
        var (other, _) = await CreateAsync(AllTypes, new Uri(_receiver.BaseAddress, "/other"));
        await other.DeleteAsync();

        var ids = new List<string>();
        for (var i = 0; i < 6; i++)
        {
            ids.Add(await IngestAsync(i));
        }

        await IngestAsync(99, "Unrelated" + _tag[3..]);
        var received = await _receiver.WaitForAsync(r => r.Count >= 6, Patience);

        Assert.Equal(ids, received.Select(ArticleIdOf).Where(a => ids.Contains(a)));
        Assert.All(received, r => Assert.True(StandardWebhooksVerifier.Verify(secret, r), "signature"));
        Assert.All(received, r => Assert.Equal("/hook", r.Path));
        Assert.Equal(received.Count, received.Select(r => r.Id).Distinct().Count());
        var info = await WaitForAsync(endpoint, i => i.Pending == 0);
        Assert.Equal(received.Count, info.Delivered);
        var log = await endpoint.GetDeliveriesAsync(100);
        Assert.All(log, d => Assert.Equal(WebhookAttemptOutcome.Succeeded, d.Outcome));
    }

    [Fact]
    public async Task Deliver_RetriesFailuresAndTimeouts_ThenDeliversEverythingInOrder()
    {
        var failed = new HashSet<int>();
        _receiver.Behaviour = async (message, context) =>
        {
            if (message.Index < 3)
            {
                failed.Add(message.Index);
                context.Response.StatusCode = StatusCodes.Status500InternalServerError;
                return;
            }

            if (message.Index == 3)
            {
                failed.Add(message.Index);
                try
                {
                    await Task.Delay(Timeout.Infinite, context.RequestAborted); // the sender times out
                }
                catch (OperationCanceledException)
                {
                }

                return;
            }

            context.Response.StatusCode = StatusCodes.Status200OK;
        };
        var (endpoint, secret) = await CreateAsync(AllTypes);

        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await IngestAsync(i));
        }

        var received = await _receiver.WaitForAsync(r => r.Count >= 7, Patience);

        var delivered = Succeeded(received, failed);
        Assert.Equal(ids, delivered.Select(ArticleIdOf));
        Assert.All(received, r => Assert.True(StandardWebhooksVerifier.Verify(secret, r), "signature"));
        // The first message was tried five times under one webhook-id, the others once each.
        Assert.Equal(5, received.Count(r => r.Id == received[0].Id));
        var info = await WaitForAsync(endpoint, i => i.Delivered == 3);
        Assert.Null(info.FailingSince);
        var log = await endpoint.GetDeliveriesAsync(100);
        Assert.Equal(3, log.Count(d => d.Outcome == WebhookAttemptOutcome.Retrying && d.StatusCode == 500));
        Assert.Contains(log, d => d.Outcome == WebhookAttemptOutcome.Retrying && d.Error!.StartsWith("timed out", StringComparison.Ordinal));
        Assert.Equal(3, log.Count(d => d.Outcome == WebhookAttemptOutcome.Succeeded));
    }

    [Fact]
    public async Task Deliver_HonoursRetryAfter()
    {
        _receiver.Behaviour = (message, context) =>
        {
            context.Response.StatusCode = message.Index == 0 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status204NoContent;
            context.Response.Headers.RetryAfter = "1";
            return Task.CompletedTask;
        };
        var (endpoint, _) = await CreateAsync(AllTypes);
        await IngestAsync(0);

        await _receiver.WaitForAsync(r => r.Count >= 2, Patience);
        await WaitForAsync(endpoint, i => i.Delivered == 1);

        var first = (await endpoint.GetDeliveriesAsync(100)).Single(d => d.Outcome == WebhookAttemptOutcome.Retrying);
        Assert.Equal(503, first.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), first.NextAttemptAt - first.At);
    }

    [Fact]
    public async Task Deliver_410DisablesTheEndpoint_UntilEnabledAgain()
    {
        var gone = true;
        _receiver.Behaviour = (message, context) =>
        {
            context.Response.StatusCode = message.Path == "/hook" && gone ? StatusCodes.Status410Gone : StatusCodes.Status204NoContent;
            gone &= message.Path != "/hook";
            return Task.CompletedTask;
        };
        var (endpoint, _) = await CreateAsync(AllTypes);
        await CreateAsync(AllTypes, new Uri(_receiver.BaseAddress, "/witness")); // sees every event: shows when dispatching is done
        var first = await IngestAsync(0);
        var info = await WaitForAsync(endpoint, i => !i.Enabled);
        Assert.Equal("the endpoint answered 410 Gone", info.DisabledReason);
        Assert.Equal(1, info.Pending);

        // While disabled nothing more is queued or sent.
        var second = await IngestAsync(1);
        var third = await IngestAsync(2);
        await _receiver.WaitForAsync(r => r.Count(m => m.Path == "/witness") >= 3, Patience);
        var routes = await fixture.Client.GetGrain<IWebhookRegistryGrain>(0).GetRoutesAsync(-1);
        Assert.DoesNotContain(info.Id, routes!.Filters.Keys);
        Assert.Equal(1, (await endpoint.GetAsync())!.Pending);

        // Enabled again, it delivers what it held and what comes next.
        await endpoint.EnableAsync();
        var fourth = await IngestAsync(3);
        var received = await _receiver.WaitForAsync(r => r.Count(m => m.Path == "/hook") >= 3, Patience);
        Assert.Equal([first, first, fourth], received.Where(m => m.Path == "/hook").Select(ArticleIdOf));
        Assert.DoesNotContain(received.Where(m => m.Path == "/hook"), m => ArticleIdOf(m) == second || ArticleIdOf(m) == third);
        Assert.True((await endpoint.GetAsync())!.Enabled);
    }

    [Fact]
    public async Task Redeliver_SendsTheSameMessageAgain()
    {
        var (endpoint, secret) = await CreateAsync(AllTypes);
        await IngestAsync(0);
        var first = (await _receiver.WaitForAsync(r => r.Count >= 1, Patience))[0];
        await WaitForAsync(endpoint, i => i.Delivered == 1); // finished, not still in flight

        Assert.True(await endpoint.RedeliverAsync(first.Id!));
        Assert.False(await endpoint.RedeliverAsync("msg_unknown"));
        var received = await _receiver.WaitForAsync(r => r.Count >= 2, Patience);
        await WaitForAsync(endpoint, i => i.Delivered == 2);

        Assert.Equal(first.Id, received[1].Id);
        Assert.Equal(first.Body, received[1].Body);
        Assert.True(StandardWebhooksVerifier.Verify(secret, received[1]));
        var log = await endpoint.GetDeliveriesAsync(10);
        Assert.True(log[0].Manual);
        Assert.Equal(2, log[0].Attempt);
    }

    [Fact]
    public async Task Enqueue_SameEventTwice_IsDeliveredOnce()
    {
        var (endpoint, _) = await CreateAsync(AllTypes);
        var storyEvent = new StoryEvent { Type = StoryEventType.StoryCreated, StoryId = "s-" + _tag, Sequence = 1, ArticleId = _tag + "-x", Headline = _tag + " headline" };

        await endpoint.EnqueueAsync(storyEvent);
        await endpoint.EnqueueAsync(storyEvent);
        await _receiver.WaitForAsync(r => r.Count >= 1, Patience);
        await endpoint.EnqueueAsync(storyEvent);
        await WaitForAsync(endpoint, i => i.Pending == 0);

        Assert.Single(_receiver.Received);
        Assert.Equal(1, (await endpoint.GetAsync())!.Delivered);
    }

    [Fact]
    public async Task RotateSecret_SignsWithBothSecretsDuringTheOverlap()
    {
        var (endpoint, oldSecret) = await CreateAsync(AllTypes);
        var newSecret = WebhookSignature.NewSecret();
        Assert.Equal(newSecret, await endpoint.RotateSecretAsync(newSecret));

        await IngestAsync(0);
        var message = (await _receiver.WaitForAsync(r => r.Count >= 1, Patience))[0];

        Assert.Equal(2, message.Signature!.Split(' ').Length);
        Assert.True(StandardWebhooksVerifier.Verify(oldSecret, message));
        Assert.True(StandardWebhooksVerifier.Verify(newSecret, message));
    }

    private static async Task<WebhookEndpointInfo> WaitForAsync(IWebhookEndpointGrain endpoint, Func<WebhookEndpointInfo, bool> condition) =>
        (await Eventually.ValueAsync(endpoint.GetAsync, info => info is not null && condition(info), "the endpoint's state", Patience, TestContext.Current.CancellationToken))!;
}
