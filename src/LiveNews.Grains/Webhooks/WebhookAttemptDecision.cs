using LiveNews.Abstractions.Contracts.Webhooks;

namespace LiveNews.Grains.Webhooks;

/// <summary>What to do after an attempt: done, retry at a time, give the message up, or disable the endpoint.</summary>
public sealed record WebhookAttemptDecision(WebhookAttemptOutcome Outcome, DateTimeOffset? NextAttemptAt = null, string? DisabledReason = null);
