namespace LiveNews.Abstractions.Contracts;

/// <summary>A page of the story list, filtered: text, entity, source, updated since.</summary>
[GenerateSerializer, Immutable, Alias("LiveNews.StoryQuery")]
public sealed record StoryQuery
{
    /// <summary>Words that must appear in the headline, an entity or a source (case-insensitive).</summary>
    [Id(0)] public string? Text { get; init; }

    /// <summary>An entity the story names (case-insensitive, whole name or part).</summary>
    [Id(1)] public string? Entity { get; init; }

    /// <summary>A source the story has a version from.</summary>
    [Id(2)] public string? Source { get; init; }

    /// <summary>Only stories updated at or after this time.</summary>
    [Id(3)] public DateTimeOffset? UpdatedSince { get; init; }

    [Id(4)] public int Skip { get; init; }

    [Id(5)] public int Take { get; init; } = 50;

    /// <summary>True when <paramref name="story"/> passes every filter given.</summary>
    public bool Matches(StorySummary story)
    {
        if (UpdatedSince is { } since && story.UpdatedAt < since)
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(Source) && !story.Sources.Any(s => s.Equals(Source.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(Entity) && !story.Entities.Any(e => e.Contains(Entity.Trim(), StringComparison.OrdinalIgnoreCase)))
        {
            return false;
        }

        if (!string.IsNullOrWhiteSpace(Text))
        {
            foreach (var word in Text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!story.Headline.Contains(word, StringComparison.OrdinalIgnoreCase)
                    && !story.Entities.Any(e => e.Contains(word, StringComparison.OrdinalIgnoreCase))
                    && !story.Sources.Any(s => s.Contains(word, StringComparison.OrdinalIgnoreCase)))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
