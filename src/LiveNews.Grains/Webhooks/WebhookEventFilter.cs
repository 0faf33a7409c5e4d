using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Contracts.Webhooks;
using LiveNews.Text.Entities;
using LiveNews.Text.Normalization;
using LiveNews.Text.Tokens;

namespace LiveNews.Grains.Webhooks;

/// <summary>
/// Decides whether a story event matches an endpoint's <see cref="WebhookFilter"/>. Keywords match whole
/// words in any case; entities (capitalised words only) match names by their alias keys (Zelensky and Zelenskyy, Mike and Michael
/// Waltz), and a person's family name alone counts; both look at the headline and the new facts.
/// </summary>
public static class WebhookEventFilter
{
    public static bool Matches(WebhookFilter filter, StoryEvent storyEvent)
    {
        var types = filter.EventTypes.IsDefaultOrEmpty ? WebhookFilter.DefaultEventTypes : filter.EventTypes;
        if (!types.Contains(storyEvent.Type))
        {
            return false;
        }

        if (!filter.StoryIds.IsDefaultOrEmpty
            && !filter.StoryIds.Any(id => id == storyEvent.StoryId || (storyEvent.Absorbed?.Contains(id) ?? false)))
        {
            return false;
        }

        if (filter.MinNewFacts > 0 && storyEvent.Type is StoryEventType.StoryCreated or StoryEventType.StoryUpdated
            && storyEvent.NewFacts.Length < filter.MinNewFacts)
        {
            return false;
        }

        var hasKeywords = !filter.Keywords.IsDefaultOrEmpty;
        var hasEntities = !filter.Entities.IsDefaultOrEmpty;
        if (!hasKeywords && !hasEntities)
        {
            return true;
        }

        var texts = new List<string>(storyEvent.NewFacts.Length + 1);
        if (storyEvent.Headline is { } headline)
        {
            texts.Add(headline);
        }

        texts.AddRange(storyEvent.NewFacts.Select(f => f.Text));
        if (hasKeywords)
        {
            var words = texts.Select(t => " " + string.Join(' ', Words(t).Select(w => w.ToLowerInvariant())) + " ").ToList();
            var wanted = filter.Keywords.Select(k => " " + string.Join(' ', Words(k).Select(w => w.ToLowerInvariant())) + " ").Where(k => k.Trim().Length > 0);
            if (!wanted.Any(k => words.Any(w => w.Contains(k, StringComparison.Ordinal))))
            {
                return false;
            }
        }

        if (hasEntities)
        {
            var keys = texts.Select(t => " " + string.Join(' ', Words(t).Select(w => char.IsUpper(w[0]) ? EntityKeys.ForWord(w) : "_")) + " ").ToList();
            if (!filter.Entities.Any(e => MentionsEntity(e, keys)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool MentionsEntity(string entity, List<string> textKeys)
    {
        var words = Words(entity).ToList();
        if (words.Count == 0)
        {
            return false;
        }

        var full = " " + string.Join(' ', words.Select(EntityKeys.ForWord)) + " ";
        if (textKeys.Any(t => t.Contains(full, StringComparison.Ordinal)))
        {
            return true;
        }

        // "Volodymyr Zelensky" is mentioned by "Zelenskyy" alone.
        if (words.Count >= 2 && words[^1].Length >= 4)
        {
            var family = " " + EntityKeys.ForWord(words[^1]) + " ";
            return textKeys.Any(t => t.Contains(family, StringComparison.Ordinal));
        }

        return false;
    }

    /// <summary>The words and numbers of a text, as LiveNews.Text tokenises it (possessives dropped, U.S. as US).</summary>
    private static IEnumerable<string> Words(string text) => Tokenizer.Tokenize(TextNormalizer.Normalize(text)).Select(t => t.Text);
}
