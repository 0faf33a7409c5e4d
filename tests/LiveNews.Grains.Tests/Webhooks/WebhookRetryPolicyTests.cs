using LiveNews.Abstractions.Contracts.Webhooks;
using LiveNews.Grains.Webhooks;

namespace LiveNews.Grains.Tests.Webhooks;

public class WebhookRetryPolicyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static WebhookSendResult Status(int status, TimeSpan? retryAfter = null) => new() { StatusCode = status, RetryAfter = retryAfter };

    private static WebhookRetryPolicy Policy(double random = 0.5, double jitter = 0.2) =>
        new(new WebhookOptions { Jitter = jitter }, () => random);

    [Theory]
    [InlineData(200)]
    [InlineData(202)]
    [InlineData(204)]
    public void Decide_2xxIsSuccess(int status)
    {
        Assert.Equal(WebhookAttemptOutcome.Succeeded, Policy().Decide(Status(status), 1, Now, Now).Outcome);
    }

    [Fact]
    public void Decide_FollowsTheScheduleThenGivesUp()
    {
        var policy = Policy(random: 0.5); // no jitter at the middle of the range
        var expected = new[] { TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10) };
        for (var attempt = 1; attempt <= expected.Length; attempt++)
        {
            var decision = policy.Decide(Status(500), attempt, Now, Now);
            Assert.Equal(WebhookAttemptOutcome.Retrying, decision.Outcome);
            Assert.Equal(Now + expected[attempt - 1], decision.NextAttemptAt);
        }

        Assert.Equal(WebhookAttemptOutcome.GaveUp, policy.Decide(Status(500), 8, Now, Now).Outcome);
    }

    [Theory]
    [InlineData(0.0, 4.0)]
    [InlineData(1.0, 6.0)]
    public void Decide_SpreadsRetriesByTheJitter(double random, double seconds)
    {
        var decision = Policy(random, jitter: 0.2).Decide(Status(500), 1, Now, Now);
        Assert.Equal(Now + TimeSpan.FromSeconds(seconds), decision.NextAttemptAt);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public void Decide_HonoursRetryAfterOnOverloadAnswers(int status)
    {
        var decision = Policy().Decide(Status(status, TimeSpan.FromSeconds(42)), 1, Now, Now);
        Assert.Equal(Now + TimeSpan.FromSeconds(42), decision.NextAttemptAt);
    }

    [Fact]
    public void Decide_IgnoresRetryAfterOnOtherErrors_AndCapsLongOnes()
    {
        Assert.Equal(Now + TimeSpan.FromSeconds(5), Policy().Decide(Status(500, TimeSpan.FromSeconds(42)), 1, Now, Now).NextAttemptAt);
        Assert.Equal(Now + TimeSpan.FromHours(10), Policy().Decide(Status(503, TimeSpan.FromDays(30)), 1, Now, Now).NextAttemptAt);
    }

    [Theory]
    [InlineData(301)]
    [InlineData(302)]
    [InlineData(307)]
    [InlineData(400)]
    [InlineData(404)]
    [InlineData(500)]
    public void Decide_RedirectsAndErrorsAreRetried(int status)
    {
        Assert.Equal(WebhookAttemptOutcome.Retrying, Policy().Decide(Status(status), 1, Now, Now).Outcome);
    }

    [Fact]
    public void Decide_TimeoutsAndConnectionErrorsAreRetried()
    {
        var decision = Policy().Decide(new WebhookSendResult { Error = "timed out after 15 s" }, 1, Now, Now);
        Assert.Equal(WebhookAttemptOutcome.Retrying, decision.Outcome);
    }

    [Fact]
    public void Decide_410DisablesTheEndpoint()
    {
        var decision = Policy().Decide(Status(410), 1, Now, Now);
        Assert.Equal(WebhookAttemptOutcome.Disabled, decision.Outcome);
        Assert.Contains("410", decision.DisabledReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DisablesAnEndpointFailingLongerThanAllowed()
    {
        var policy = new WebhookRetryPolicy(new WebhookOptions { DisableAfter = TimeSpan.FromHours(1) }, () => 0.5);
        Assert.Equal(WebhookAttemptOutcome.Retrying, policy.Decide(Status(500), 2, Now, Now + TimeSpan.FromMinutes(59)).Outcome);
        var decision = policy.Decide(Status(500), 3, Now, Now + TimeSpan.FromHours(1));
        Assert.Equal(WebhookAttemptOutcome.Disabled, decision.Outcome);
        Assert.Contains("failing", decision.DisabledReason, StringComparison.Ordinal);
    }
}
