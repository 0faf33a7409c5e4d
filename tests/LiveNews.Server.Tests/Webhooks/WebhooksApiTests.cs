using LiveNews.Tests.Shared;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Contracts.Webhooks;
using LiveNews.Grains.Tests.Webhooks;
using LiveNews.Server.Api;

namespace LiveNews.Server.Tests.Webhooks;

[Collection(ServerCollection.Name)]
public sealed class WebhooksApiTests(ServerFixture fixture) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly string _tag = "Hook" + Guid.NewGuid().ToString("N")[..8];
    private WebhookReceiver _receiver = null!;

    public async ValueTask InitializeAsync() => _receiver = await WebhookReceiver.StartAsync();

    public async ValueTask DisposeAsync() => await _receiver.DisposeAsync();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<WebhookCreated> CreateAsync(HttpClient client, object request)
    {
        var response = await client.PostAsJsonAsync(new Uri("/api/webhooks", UriKind.Relative), request, Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<WebhookCreated>(LiveNewsJson.Options, Ct))!;
    }

    private async Task PostArticleAsync(HttpClient client, string id, string title, string text)
    {
        var response = await client.PostAsJsonAsync(new Uri("/api/articles", UriKind.Relative), new[] { new { id, source = "wire", title, text } }, Ct);
        response.EnsureSuccessStatusCode();
    }

    [Theory]
    [InlineData("GET", "/api/webhooks")]
    [InlineData("POST", "/api/webhooks")]
    [InlineData("GET", "/api/webhooks/wh_0123456789abcdef")]
    [InlineData("DELETE", "/api/webhooks/wh_0123456789abcdef")]
    [InlineData("GET", "/api/webhooks/wh_0123456789abcdef/deliveries")]
    [InlineData("POST", "/api/webhooks/wh_0123456789abcdef/enable")]
    public async Task Webhooks_NeedTheApiKey(string method, string path)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { url = "https://example.org/hook" }) };
        var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{}", "'url'")]
    [InlineData("{\"url\":\"ftp://example.org/x\"}", "'url'")]
    [InlineData("{\"url\":\"https://example.org/x\",\"secret\":\"hunter2\"}", "'secret'")]
    [InlineData("{\"url\":\"https://example.org/x\",\"filter\":{\"minNewFacts\":500}}", "minNewFacts")]
    [InlineData("{\"url\":\"https://example.org/x\",\"filter\":{\"keywords\":[\"\"]}}", "keywords")]
    public async Task Create_RefusesABadRequestWithAReason(string body, string reason)
    {
        using var client = fixture.CreateAuthorizedClient();
        var response = await client.PostAsync(new Uri("/api/webhooks", UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(reason, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook", false)]
    [InlineData("http://localhost/hook", false)]
    [InlineData("http://10.1.2.3/hook", false)]
    [InlineData("http://192.168.0.10/hook", false)]
    [InlineData("http://[::1]/hook", false)]
    [InlineData("http://169.254.169.254/latest/meta-data", false)]
    [InlineData("https://hooks.example.org/services/T000", true)]
    public void Validate_RefusesPrivateAddressesUnlessAllowed(string url, bool accepted)
    {
        var request = new WebhookRequest { Url = url };
        Assert.Equal(accepted, WebhooksApi.Validate(request, allowPrivate: false) is null);
        Assert.Null(WebhooksApi.Validate(request, allowPrivate: true));
    }

    [Fact]
    public async Task Webhook_DeliversSignedAlerts_LogsThem_RedeliversAndRotates()
    {
        using var client = fixture.CreateAuthorizedClient();
        var created = await CreateAsync(client, new { url = _receiver.Url, filter = new { keywords = new[] { _tag } }, description = "newsroom alerts" });
        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);
        var id = created.Endpoint.Id;
        Assert.StartsWith("wh_", id, StringComparison.Ordinal);
        Assert.True(created.Endpoint.Enabled);
        Assert.Equal(WebhookFilter.DefaultEventTypes, created.Endpoint.Filter.EventTypes);

        // The secret is shown once: reading the endpoint never returns it.
        var listed = await client.GetStringAsync(new Uri("/api/webhooks", UriKind.Relative), Ct);
        Assert.Contains(id, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(created.Secret, await client.GetStringAsync(new Uri($"/api/webhooks/{id}", UriKind.Relative), Ct), StringComparison.Ordinal);

        await PostArticleAsync(client, _tag + "-1", $"{_tag} ferry runs aground off the coast", $"A {_tag} ferry ran aground off the coast on Monday, the coastguard said.");
        var first = (await _receiver.WaitForAsync(r => r.Count >= 1, Patience))[0];
        Assert.True(StandardWebhooksVerifier.Verify(created.Secret, first));
        using (var doc = JsonDocument.Parse(first.Body))
        {
            Assert.Equal("StoryCreated", doc.RootElement.GetProperty("type").GetString());
            Assert.Equal(_tag + "-1", doc.RootElement.GetProperty("articleId").GetString());
        }

        var deliveries = await WaitForDeliveriesAsync(client, id, d => d.Length >= 1);
        Assert.Equal(WebhookAttemptOutcome.Succeeded, deliveries[0].Outcome);
        Assert.Equal(204, deliveries[0].StatusCode);
        Assert.Equal(first.Id, deliveries[0].MessageId);

        // Manual redelivery: the same webhook-id and body again.
        var redeliver = await client.PostAsync(new Uri($"/api/webhooks/{id}/deliveries/{first.Id}/redeliver", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.Accepted, redeliver.StatusCode);
        var again = (await _receiver.WaitForAsync(r => r.Count >= 2, Patience))[1];
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Body, again.Body);
        var unknown = await client.PostAsync(new Uri($"/api/webhooks/{id}/deliveries/msg_unknown/redeliver", UriKind.Relative), null, Ct);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);

        // Rotation: the next message carries signatures under both secrets.
        var rotated = await client.PostAsync(new Uri($"/api/webhooks/{id}/rotate-secret", UriKind.Relative), null, Ct);
        rotated.EnsureSuccessStatusCode();
        var newSecret = (await rotated.Content.ReadFromJsonAsync<WebhookCreated>(LiveNewsJson.Options, Ct))!.Secret;
        Assert.NotEqual(created.Secret, newSecret);
        await PostArticleAsync(client, _tag + "-2", $"{_tag} lighthouse keepers strike over pay", $"{_tag} lighthouse keepers walked out over pay on Tuesday, their union said.");
        var third = (await _receiver.WaitForAsync(r => r.Count >= 3, Patience))[2];
        Assert.True(StandardWebhooksVerifier.Verify(created.Secret, third));
        Assert.True(StandardWebhooksVerifier.Verify(newSecret, third));

        // Deleted: gone from the API and from delivery.
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"/api/webhooks/{id}", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/webhooks/{id}", UriKind.Relative), Ct)).StatusCode);
        Assert.DoesNotContain(id, await client.GetStringAsync(new Uri("/api/webhooks", UriKind.Relative), Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Webhook_SlackFormat_SendsEscapedText()
    {
        using var client = fixture.CreateAuthorizedClient();
        var created = await CreateAsync(client, new { url = _receiver.Url, format = "Slack", filter = new { keywords = new[] { _tag } } });

        await PostArticleAsync(client, _tag + "-s", $"{_tag} <b>dam</b> breach floods valley", $"A {_tag} dam breach flooded the valley on Monday, officials said. <script>alert(1)</script>");
        var message = (await _receiver.WaitForAsync(r => r.Count >= 1, Patience))[0];

        Assert.True(StandardWebhooksVerifier.Verify(created.Secret, message));
        using var doc = JsonDocument.Parse(message.Body);
        var text = doc.RootElement.GetProperty("text").GetString()!;
        Assert.StartsWith("*New story:*", text, StringComparison.Ordinal);
        Assert.Contains(_tag, text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
    }

    private static async Task<WebhookDelivery[]> WaitForDeliveriesAsync(HttpClient client, string id, Func<WebhookDelivery[], bool> condition) =>
        (await Eventually.ValueAsync(
            () => client.GetFromJsonAsync<WebhookDelivery[]>(new Uri($"/api/webhooks/{id}/deliveries", UriKind.Relative), LiveNewsJson.Options, Ct),
            deliveries => condition(deliveries!),
            "the delivery log",
            Patience,
            Ct))!;
}
