using System.Diagnostics;
using LiveNews.Grains.Telemetry;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Contracts.Webhooks;
using LiveNews.Abstractions.Grains;
using LiveNews.Grains.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace LiveNews.Grains.Webhooks;

/// <summary>
/// One webhook endpoint. Matching story events are rendered and queued in a persisted outbox and
/// delivered one at a time, in order: the first message is retried on the schedule of
/// <see cref="WebhookRetryPolicy"/> while the rest wait. A grain timer runs the deliveries (it may
/// interleave with new enqueues, so a slow endpoint never holds up the dispatcher); a reminder kept while
/// messages are pending brings the endpoint back after a failover.
/// </summary>
public sealed partial class WebhookEndpointGrain : Grain, IWebhookEndpointGrain, IRemindable
{
    private const string ReminderName = "webhook-outbox";

    private readonly IPersistentState<WebhookEndpointState> _state;
    private readonly IWebhookSender _sender;
    private readonly WebhookOptions _options;
    private readonly WebhookRetryPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger<WebhookEndpointGrain> _logger;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private IGrainTimer? _timer;
    private bool _delivering;
    private bool? _reminderRegistered;

    public WebhookEndpointGrain(
        [PersistentState("webhook", LiveNewsGrainsHosting.StorageName)] IPersistentState<WebhookEndpointState> state,
        IWebhookSender sender,
        IOptions<WebhookOptions> options,
        TimeProvider time,
        ILogger<WebhookEndpointGrain> logger)
    {
        _state = state;
        _sender = sender;
        _options = options.Value;
        _policy = new WebhookRetryPolicy(_options, Random.Shared.NextDouble);
        _time = time;
        _logger = logger;
    }

    private string EndpointId => this.GetPrimaryKeyString();

    private WebhookEndpointState S => _state.State;

    private bool Exists => S.Url is not null;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Schedule();
        return Task.CompletedTask;
    }

    public async Task<WebhookEndpointInfo> CreateAsync(string url, WebhookFilter filter, WebhookFormat format, string? description, string secret)
    {
        if (!Exists)
        {
            S.Url = url;
            S.Filter = filter;
            S.Format = format;
            S.Description = description;
            S.Secrets = [new WebhookSecret(secret, null)];
            S.Enabled = true;
            S.CreatedAt = _time.GetUtcNow();
            await SaveAsync();
            await GrainFactory.GetGrain<IWebhookRegistryGrain>(0).SetAsync(EndpointId, filter, enabled: true);
        }

        return Info();
    }

    public Task<WebhookEndpointInfo?> GetAsync() => Task.FromResult(Exists ? Info() : null);

    public async Task DeleteAsync()
    {
        _timer?.Dispose();
        _timer = null;
        await SetReminderAsync(false);
        await GrainFactory.GetGrain<IWebhookRegistryGrain>(0).RemoveAsync(EndpointId);
        await _writeGate.WaitAsync();
        try
        {
            await _state.ClearStateAsync();
        }
        finally
        {
            _writeGate.Release();
        }

        DeactivateOnIdle();
    }

    public async Task EnqueueAsync(StoryEvent storyEvent)
    {
        if (!Exists || !S.Enabled)
        {
            return;
        }

        var id = MessageIdOf(storyEvent);
        if (S.Outbox.Any(m => m.Id == id) || S.Recent.Any(m => m.Id == id))
        {
            return;
        }

        var now = _time.GetUtcNow();
        S.Outbox.Add(new WebhookMessage
        {
            Id = id,
            EventType = storyEvent.Type,
            StoryId = storyEvent.StoryId,
            Sequence = storyEvent.Sequence,
            Body = WebhookPayload.Render(storyEvent, S.Format),
            NextAttemptAt = now + _policy.FirstDelay,
            TraceParent = storyEvent.TraceParent,
        });
        while (S.Outbox.Count > Math.Max(1, _options.MaxPending))
        {
            // The oldest message not in flight makes room.
            var dropped = S.Outbox[_delivering && S.Outbox.Count > 1 ? 1 : 0];
            S.Outbox.Remove(dropped);
            S.Failed++;
            AddLog(dropped, now, WebhookAttemptOutcome.Dropped, null, TimeSpan.Zero, $"dropped: more than {_options.MaxPending} messages pending", null);
            LogDropped(_logger, EndpointId, dropped.Id);
        }

        await SaveAsync();
        await SetReminderAsync(true);
        Schedule();
    }

    public Task<ImmutableArray<WebhookDelivery>> GetDeliveriesAsync(int limit)
    {
        var log = S.Log;
        var count = Math.Clamp(limit, 0, log.Count);
        var result = ImmutableArray.CreateBuilder<WebhookDelivery>(count);
        for (var i = log.Count - 1; i >= log.Count - count; i--)
        {
            result.Add(log[i]);
        }

        return Task.FromResult(result.MoveToImmutable());
    }

    public async Task<bool> RedeliverAsync(string messageId)
    {
        if (!Exists)
        {
            return false;
        }

        if (S.Outbox.Any(m => m.Id == messageId))
        {
            return true;
        }

        var message = S.Recent.FindLast(m => m.Id == messageId);
        if (message is null)
        {
            return false;
        }

        S.Recent.Remove(message);
        message.Round = 0;
        message.Manual = true;
        message.NextAttemptAt = _time.GetUtcNow();
        S.Outbox.Add(message);
        await SaveAsync();
        await SetReminderAsync(S.Enabled);
        Schedule();
        return true;
    }

    public async Task<WebhookEndpointInfo?> EnableAsync()
    {
        if (!Exists)
        {
            return null;
        }

        if (!S.Enabled)
        {
            S.Enabled = true;
            S.DisabledReason = null;
            S.FailingSince = null;
            var now = _time.GetUtcNow();
            foreach (var message in S.Outbox)
            {
                message.Round = 0;
                message.NextAttemptAt = now;
            }

            await SaveAsync();
            await GrainFactory.GetGrain<IWebhookRegistryGrain>(0).SetAsync(EndpointId, S.Filter, enabled: true);
            await SetReminderAsync(S.Outbox.Count > 0);
            Schedule();
        }

        return Info();
    }

    public async Task<string?> RotateSecretAsync(string secret)
    {
        if (!Exists)
        {
            return null;
        }

        var now = _time.GetUtcNow();
        S.Secrets = S.Secrets
            .Where(s => s.ExpiresAt is null || s.ExpiresAt > now)
            .Select(s => s.ExpiresAt is null ? s with { ExpiresAt = now + _options.SecretOverlap } : s)
            .Append(new WebhookSecret(secret, null))
            .ToList();
        await SaveAsync();
        return secret;
    }

    public async Task ResumeAsync()
    {
        if (Exists)
        {
            await SetReminderAsync(S.Enabled && S.Outbox.Count > 0);
            Schedule();
        }
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!Exists || !S.Enabled || S.Outbox.Count == 0)
        {
            await SetReminderAsync(false);
            return;
        }

        Schedule();
    }

    /// <summary>The <c>webhook-id</c> of a story event: the same for the same event, so a repeated event is recognised.</summary>
    public static string MessageIdOf(StoryEvent storyEvent)
    {
        var identity = $"{storyEvent.Type}|{storyEvent.StoryId}|{storyEvent.Sequence}|{storyEvent.ArticleId}";
        return "msg_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)), 0, 12);
    }

    private void Schedule()
    {
        if (_delivering || !Exists || !S.Enabled || S.Outbox.Count == 0)
        {
            return;
        }

        var due = S.Outbox[0].NextAttemptAt - _time.GetUtcNow();
        if (due < TimeSpan.Zero)
        {
            due = TimeSpan.Zero;
        }

        if (_timer is null)
        {
            _timer = this.RegisterGrainTimer(DeliverAsync, new GrainTimerCreationOptions(due, Timeout.InfiniteTimeSpan) { Interleave = true, KeepAlive = true });
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    private async Task DeliverAsync(CancellationToken cancellationToken)
    {
        if (_delivering)
        {
            return;
        }

        _delivering = true;
        try
        {
            while (Exists && S.Enabled && S.Outbox.Count > 0 && S.Outbox[0].NextAttemptAt <= _time.GetUtcNow() && !cancellationToken.IsCancellationRequested)
            {
                await AttemptAsync(S.Outbox[0], cancellationToken);
            }

            if (Exists && (!S.Enabled || S.Outbox.Count == 0))
            {
                await SetReminderAsync(false);
            }
        }
        finally
        {
            // Whatever happened (an attempt cancelled or failing to save), the next attempt is scheduled:
            // a delivery that threw must not wait for the reminder.
            _delivering = false;
            Schedule();
        }
    }

    private async Task AttemptAsync(WebhookMessage message, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = LiveNewsTelemetry.Source.StartActivity("webhook.deliver", ActivityKind.Producer, parent);
        activity?.SetTag("livenews.webhook.id", EndpointId);
        activity?.SetTag("livenews.webhook.message_id", message.Id);
        var now = _time.GetUtcNow();
        var secrets = S.Secrets.Where(s => s.ExpiresAt is null || s.ExpiresAt > now).Select(s => s.Secret).ToList();
        var result = await _sender.SendAsync(new Uri(S.Url!), message.Id, message.Body, secrets, cancellationToken);
        if (!Exists)
        {
            return; // deleted while the attempt was under way
        }

        var end = _time.GetUtcNow();
        message.Attempts++;
        message.Round++;
        var failingSince = result.Succeeded ? end : S.FailingSince ?? now;
        var decision = _policy.Decide(result, message.Round, failingSince, end);
        switch (decision.Outcome)
        {
            case WebhookAttemptOutcome.Succeeded:
                Finish(message);
                S.Delivered++;
                S.LastSuccessAt = end;
                S.FailingSince = null;
                break;
            case WebhookAttemptOutcome.Retrying:
                S.FailingSince = failingSince;
                message.NextAttemptAt = decision.NextAttemptAt!.Value;
                break;
            case WebhookAttemptOutcome.GaveUp:
                S.FailingSince = failingSince;
                Finish(message);
                S.Failed++;
                LogGaveUp(_logger, EndpointId, message.Id, message.Attempts);
                break;
            case WebhookAttemptOutcome.Disabled:
                S.FailingSince = failingSince;
                S.Enabled = false;
                S.DisabledReason = decision.DisabledReason;
                LogDisabled(_logger, EndpointId, decision.DisabledReason);
                break;
        }

        AddLog(message, end, decision.Outcome, result.StatusCode, result.Latency, result.Error, decision.NextAttemptAt);
        var outcome = new KeyValuePair<string, object?>("outcome", decision.Outcome.ToString());
        LiveNewsTelemetry.WebhookDeliveries.Add(1, outcome);
        activity?.SetTag("livenews.webhook.outcome", decision.Outcome.ToString());
        if (!result.Succeeded)
        {
            LiveNewsTelemetry.WebhookFailures.Add(1, outcome);
            activity?.SetStatus(ActivityStatusCode.Error, result.Error);
        }

        await SaveAsync();
        if (decision.Outcome == WebhookAttemptOutcome.Disabled)
        {
            await GrainFactory.GetGrain<IWebhookRegistryGrain>(0).SetAsync(EndpointId, S.Filter, enabled: false);
        }
    }

    private void Finish(WebhookMessage message)
    {
        S.Outbox.Remove(message);
        S.Recent.Add(message);
        if (S.Recent.Count > _options.MaxRecentMessages)
        {
            S.Recent.RemoveRange(0, S.Recent.Count - _options.MaxRecentMessages);
        }
    }

    private void AddLog(WebhookMessage message, DateTimeOffset at, WebhookAttemptOutcome outcome, int? status, TimeSpan latency, string? error, DateTimeOffset? next)
    {
        S.Log.Add(new WebhookDelivery
        {
            MessageId = message.Id,
            EventType = message.EventType,
            StoryId = message.StoryId,
            Sequence = message.Sequence,
            Attempt = message.Attempts,
            At = at,
            Outcome = outcome,
            StatusCode = status,
            LatencyMs = Math.Round(latency.TotalMilliseconds, 1),
            Error = error,
            Manual = message.Manual,
            NextAttemptAt = next,
        });
        if (S.Log.Count > _options.MaxLogEntries)
        {
            S.Log.RemoveRange(0, S.Log.Count - _options.MaxLogEntries);
        }
    }

    private WebhookEndpointInfo Info() => new()
    {
        Id = EndpointId,
        Url = S.Url!,
        Filter = S.Filter,
        Format = S.Format,
        Description = S.Description,
        Enabled = S.Enabled,
        DisabledReason = S.DisabledReason,
        CreatedAt = S.CreatedAt,
        Pending = S.Outbox.Count,
        Delivered = S.Delivered,
        Failed = S.Failed,
        LastSuccessAt = S.LastSuccessAt,
        FailingSince = S.FailingSince,
        NextAttemptAt = S.Enabled && S.Outbox.Count > 0 ? S.Outbox[0].NextAttemptAt : null,
    };

    /// <summary>Writes the state; the delivery timer interleaves with calls, so writes take turns.</summary>
    private async Task SaveAsync()
    {
        await _writeGate.WaitAsync();
        try
        {
            await _state.WriteStateAsync();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    private async Task SetReminderAsync(bool wanted)
    {
        if (_reminderRegistered == wanted)
        {
            return;
        }

        if (wanted)
        {
            await this.RegisterOrUpdateReminder(ReminderName, _options.ReminderPeriod, _options.ReminderPeriod);
        }
        else if (await this.GetReminder(ReminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }

        _reminderRegistered = wanted;
    }

    [LoggerMessage(EventId = 60, Level = LogLevel.Warning, Message = "Webhook {EndpointId} gave up message {MessageId} after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, string endpointId, string messageId, int attempts);

    [LoggerMessage(EventId = 61, Level = LogLevel.Warning, Message = "Webhook {EndpointId} disabled: {Reason}")]
    private static partial void LogDisabled(ILogger logger, string endpointId, string? reason);

    [LoggerMessage(EventId = 62, Level = LogLevel.Warning, Message = "Webhook {EndpointId} dropped message {MessageId}: outbox full")]
    private static partial void LogDropped(ILogger logger, string endpointId, string messageId);
}
