using System.Text.Json;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Contracts.Webhooks;
using LiveNews.Grains.Webhooks;

namespace LiveNews.Grains.Tests.Webhooks;

public class WebhookPayloadTests
{
    private static readonly StoryEvent Event = new()
    {
        Type = StoryEventType.StoryUpdated,
        StoryId = "s-1",
        Sequence = 2,
        ArticleId = "a-2",
        Headline = "Fire at <b>harbour</b> & docks",
        NewFacts = [new NewFact { Text = "<!channel> Two <script>alert(1)</script> people <https://evil.example|click> were hurt.", Source = "wire & co" }],
        Sources = ["wire & co", "radio"],
        At = new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
    };

    [Fact]
    public void Render_StandardIsTheStoryEventJson()
    {
        var body = WebhookPayload.Render(Event, WebhookFormat.Standard);
        Assert.Equal(JsonSerializer.Serialize(Event, LiveNewsJson.Options), body);
        using var doc = JsonDocument.Parse(body);
        Assert.Equal("StoryUpdated", doc.RootElement.GetProperty("type").GetString());
        Assert.Equal("s-1", doc.RootElement.GetProperty("storyId").GetString());
    }

    [Fact]
    public void Render_SlackEscapesFeedTextSoItStaysText()
    {
        using var doc = JsonDocument.Parse(WebhookPayload.Render(Event, WebhookFormat.Slack));
        var text = doc.RootElement.GetProperty("text").GetString()!;
        Assert.StartsWith("*Story update:* Fire at &lt;b&gt;harbour&lt;/b&gt; &amp; docks", text, StringComparison.Ordinal);
        Assert.Contains("&lt;!channel&gt;", text, StringComparison.Ordinal);
        Assert.Contains("&lt;https://evil.example|click&gt;", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", text, StringComparison.Ordinal);
        Assert.Contains("_(wire &amp; co)_", text, StringComparison.Ordinal);
        Assert.EndsWith("Sources: wire &amp; co, radio", text, StringComparison.Ordinal);
    }
}
