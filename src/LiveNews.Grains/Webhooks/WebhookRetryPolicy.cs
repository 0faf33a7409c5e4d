using System.Globalization;
using LiveNews.Abstractions.Contracts.Webhooks;

namespace LiveNews.Grains.Webhooks;

/// <summary>
/// The delivery rules of an endpoint, without any clock or network of its own: 2xx is success; 410
/// disables the endpoint; every other answer (3xx included: redirects are not followed), a timeout or a
/// connection error is retried on the schedule with jitter, or after the Retry-After a 429, 502, 503 or
/// 504 asked for; after the last retry the message is given up; an endpoint that has failed without a
/// success for <see cref="WebhookOptions.DisableAfter"/> is disabled.
/// </summary>
public sealed class WebhookRetryPolicy(WebhookOptions options, Func<double> random)
{
    /// <summary>The delay before the first attempt of a message.</summary>
    public TimeSpan FirstDelay => options.RetrySchedule.Length > 0 ? options.RetrySchedule[0] : TimeSpan.Zero;

    /// <param name="result">The attempt's result.</param>
    /// <param name="attemptsMade">Attempts of this message so far, this one included.</param>
    /// <param name="failingSince">When the endpoint's current run of failures began (this attempt's time if it is the first).</param>
    /// <param name="now">The time of the attempt's end.</param>
    public WebhookAttemptDecision Decide(WebhookSendResult result, int attemptsMade, DateTimeOffset failingSince, DateTimeOffset now)
    {
        if (result.Succeeded)
        {
            return new WebhookAttemptDecision(WebhookAttemptOutcome.Succeeded);
        }

        if (result.StatusCode == 410)
        {
            return new WebhookAttemptDecision(WebhookAttemptOutcome.Disabled, DisabledReason: "the endpoint answered 410 Gone");
        }

        if (now - failingSince >= options.DisableAfter)
        {
            return new WebhookAttemptDecision(
                WebhookAttemptOutcome.Disabled,
                DisabledReason: string.Create(CultureInfo.InvariantCulture, $"failing without a success since {failingSince:u} (longer than {options.DisableAfter})"));
        }

        if (attemptsMade >= options.RetrySchedule.Length)
        {
            return new WebhookAttemptDecision(WebhookAttemptOutcome.GaveUp);
        }

        var delay = result.RetryAfter is { } asked && result.StatusCode is 429 or 502 or 503 or 504
            ? (asked > options.MaxRetryAfter ? options.MaxRetryAfter : asked)
            : Jittered(options.RetrySchedule[attemptsMade]);
        return new WebhookAttemptDecision(WebhookAttemptOutcome.Retrying, now + delay);
    }

    private TimeSpan Jittered(TimeSpan delay)
    {
        var spread = Math.Clamp(options.Jitter, 0, 1);
        return delay * (1 + (spread * ((2 * random()) - 1)));
    }
}
