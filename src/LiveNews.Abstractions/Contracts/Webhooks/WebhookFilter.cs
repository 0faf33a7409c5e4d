using System.Collections.Immutable;

namespace LiveNews.Abstractions.Contracts.Webhooks;

/// <summary>
/// Which story events an endpoint wants. Every criterion given must hold (an empty list means "any");
/// within one list, any entry is enough.
/// </summary>
[GenerateSerializer, Immutable, Alias("LiveNews.WebhookFilter")]
public sealed record WebhookFilter
{
    /// <summary>The alerts by default: a story opened or gained facts, and stories merged.</summary>
    public static readonly ImmutableArray<StoryEventType> DefaultEventTypes = [StoryEventType.StoryCreated, StoryEventType.StoryUpdated, StoryEventType.StoriesMerged];

    /// <summary>Event types wanted; empty means <see cref="DefaultEventTypes"/>.</summary>
    [Id(0)] public ImmutableArray<StoryEventType> EventTypes { get; init; } = [];

    /// <summary>Words or phrases, any of which must occur (whole words, any case) in the headline or a new fact.</summary>
    [Id(1)] public ImmutableArray<string> Keywords { get; init; } = [];

    /// <summary>Names (people, places, organisations), any of which must be mentioned in the headline or a new fact; spelling variants count (Zelensky, Zelenskyy).</summary>
    [Id(2)] public ImmutableArray<string> Entities { get; init; } = [];

    /// <summary>Story ids, one of which the event must name (as its story or among the stories it absorbed).</summary>
    [Id(3)] public ImmutableArray<string> StoryIds { get; init; } = [];

    /// <summary>The least number of new facts an event must carry (0: no minimum). Applies to StoryCreated and StoryUpdated.</summary>
    [Id(4)] public int MinNewFacts { get; init; }
}
