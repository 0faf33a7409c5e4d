using System.Text;
using System.Text.Json;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Contracts.Webhooks;

namespace LiveNews.Grains.Webhooks;

/// <summary>The body of a webhook message: the story event's JSON, or a Slack-compatible text message.</summary>
public static class WebhookPayload
{
    /// <summary>New facts listed in a Slack message.</summary>
    private const int SlackFacts = 5;

    public static string Render(StoryEvent storyEvent, WebhookFormat format) => format switch
    {
        WebhookFormat.Slack => JsonSerializer.Serialize(new { text = SlackText(storyEvent) }, LiveNewsJson.Options),
        _ => JsonSerializer.Serialize(storyEvent, LiveNewsJson.Options),
    };

    /// <summary>
    /// Slack mrkdwn; text from feeds is escaped (&amp;, &lt;, &gt;) so it can never become a link, a
    /// mention or markup.
    /// </summary>
    public static string SlackText(StoryEvent storyEvent)
    {
        var sb = new StringBuilder();
        var what = storyEvent.Type switch
        {
            StoryEventType.StoryCreated => "New story",
            StoryEventType.StoryUpdated => "Story update",
            StoryEventType.StoriesMerged => "Stories merged",
            _ => storyEvent.Type.ToString(),
        };
        sb.Append('*').Append(what).Append(":* ").Append(Escape(storyEvent.Headline ?? storyEvent.StoryId ?? ""));
        foreach (var fact in storyEvent.NewFacts.Take(SlackFacts))
        {
            sb.Append("\n• ").Append(Escape(fact.Text));
            if (!string.IsNullOrEmpty(fact.Source))
            {
                sb.Append(" _(").Append(Escape(fact.Source)).Append(")_");
            }
        }

        if (storyEvent.NewFacts.Length > SlackFacts)
        {
            sb.Append("\n… and ").Append(storyEvent.NewFacts.Length - SlackFacts).Append(" more");
        }

        if (storyEvent.Sources.Length > 0)
        {
            sb.Append("\nSources: ").Append(Escape(string.Join(", ", storyEvent.Sources)));
        }

        return sb.ToString();
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal);
}
