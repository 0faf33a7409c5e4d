using LiveNews.Abstractions.Contracts;

namespace LiveNews.Server.Events;

/// <summary>Which events an SSE client wants: one story (<c>?story=</c>) and/or a text query (<c>?q=</c>).</summary>
public sealed record EventFilter(string? Story, string? Query)
{
    public bool Matches(StoryEvent evt)
    {
        if (!string.IsNullOrEmpty(Story)
            && evt.StoryId != Story
            && !(evt.Absorbed?.Contains(Story) ?? false))
        {
            return false;
        }

        if (string.IsNullOrWhiteSpace(Query))
        {
            return true;
        }

        var q = Query.Trim();
        return (evt.Headline?.Contains(q, StringComparison.OrdinalIgnoreCase) ?? false)
            || evt.NewFacts.Any(f => f.Text.Contains(q, StringComparison.OrdinalIgnoreCase))
            || evt.Sources.Any(s => s.Contains(q, StringComparison.OrdinalIgnoreCase));
    }
}
