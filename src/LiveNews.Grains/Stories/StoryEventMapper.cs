using System.Collections.Immutable;
using LiveNews.Abstractions.Contracts;
using LiveNews.Stories.Engine;

namespace LiveNews.Grains.Stories;

/// <summary>Turns the engine's outcomes and states into the wire contracts.</summary>
public static class StoryEventMapper
{
    public static StoryEventType ToEventType(StoryUpdateKind kind) => kind switch
    {
        StoryUpdateKind.Created => StoryEventType.StoryCreated,
        StoryUpdateKind.Updated => StoryEventType.StoryUpdated,
        StoryUpdateKind.Attached => StoryEventType.VersionAttached,
        StoryUpdateKind.Duplicate => StoryEventType.Duplicate,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown story update kind"),
    };

    public static StoryEvent ToEvent(StoryState story, StoryUpdate update, string articleId, DateTimeOffset at, DateTimeOffset? receivedAt) => new()
    {
        Type = ToEventType(update.Kind),
        StoryId = story.Id,
        Sequence = update.Sequence,
        ArticleId = articleId,
        Headline = story.Headline,
        NewFacts = [.. update.NewFacts.Select(f => new NewFact { Text = f.Text, Score = f.Score, Source = f.Source, Url = f.Url })],
        Sources = [.. story.Sources],
        At = at,
        ReceivedAt = receivedAt,
    };

    public static StorySummary ToSummary(StoryState story) => new()
    {
        Id = story.Id,
        Headline = story.Headline,
        Sources = [.. story.Sources],
        VersionCount = story.VersionCount,
        FactCount = story.Facts.Count,
        CreatedAt = story.CreatedAt,
        UpdatedAt = story.UpdatedAt,
        Sequence = story.Sequence,
        MergedInto = story.MergedInto,
        Entities = [.. story.TopEntityNames(8)],
    };

    public static StorySnapshot ToSnapshot(StoryState story) => new()
    {
        Summary = ToSummary(story),
        Versions = [.. story.Versions.Select(v => new StoryVersionInfo
        {
            ArticleId = v.ArticleId,
            Source = v.Source,
            Url = v.Url,
            Title = v.Title,
            Published = v.Published,
            At = v.At,
            NewFactCount = v.NewFactCount,
        })],
        Facts = [.. story.Facts.Select(f => new StoryFactInfo
        {
            Text = f.Text,
            Source = f.Source,
            Url = f.Url,
            ArticleId = f.ArticleId,
            At = f.At,
        })],
    };

    public static ImmutableArray<T> Empty<T>() => [];
}
