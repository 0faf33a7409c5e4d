using LiveNews.Grains.Webhooks;

namespace LiveNews.Grains.Tests.Webhooks;

public class WebhookSignatureTests
{
    // The test vector published with the Standard Webhooks reference implementations.
    private const string SpecSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string SpecId = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long SpecTimestamp = 1614265330;
    private const string SpecBody = "{\"test\": 2432232314}";

    [Fact]
    public void Sign_ReproducesTheSpecificationTestVector()
    {
        Assert.Equal("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", WebhookSignature.Sign(SpecSecret, SpecId, SpecTimestamp, SpecBody));
    }

    [Fact]
    public void Header_CarriesOneSignaturePerSecret_EachVerifiable()
    {
        var old = WebhookSignature.NewSecret();
        var current = WebhookSignature.NewSecret();
        var header = WebhookSignature.Header([old, current], "msg_1", SpecTimestamp, "{}");

        Assert.Equal(2, header.Split(' ').Length);
        var at = DateTimeOffset.FromUnixTimeSeconds(SpecTimestamp);
        Assert.True(StandardWebhooksVerifier.Verify(old, "msg_1", "1614265330", header, "{}", at, TimeSpan.FromMinutes(5)));
        Assert.True(StandardWebhooksVerifier.Verify(current, "msg_1", "1614265330", header, "{}", at, TimeSpan.FromMinutes(5)));
        Assert.False(StandardWebhooksVerifier.Verify(WebhookSignature.NewSecret(), "msg_1", "1614265330", header, "{}", at, TimeSpan.FromMinutes(5)));
        Assert.False(StandardWebhooksVerifier.Verify(current, "msg_1", "1614265330", header, "{ }", at, TimeSpan.FromMinutes(5)));
        Assert.False(StandardWebhooksVerifier.Verify(current, "msg_2", "1614265330", header, "{}", at, TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", true)]
    [InlineData("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", false)]
    [InlineData("whsec_c2hvcnQ=", false)]
    [InlineData("whsec_not base64!!", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValidSecret_AcceptsOnlyWhsecBase64OfEnoughBytes(string? secret, bool valid)
    {
        Assert.Equal(valid, WebhookSignature.IsValidSecret(secret));
    }

    [Fact]
    public void NewSecret_IsValidAndNeverRepeats()
    {
        var a = WebhookSignature.NewSecret();
        var b = WebhookSignature.NewSecret();
        Assert.True(WebhookSignature.IsValidSecret(a));
        Assert.NotEqual(a, b);
    }
}
