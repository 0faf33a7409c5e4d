using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace LiveNews.Abstractions.Contracts;

/// <summary>
/// What happened to a story when an article version arrived (the output of the pipeline: the
/// "stories" stream, SSE <c>data:</c>, webhook bodies, replay JSONL). Serialised as camelCase JSON
/// with <see cref="LiveNewsJson.Options"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("LiveNews.StoryEvent")]
public sealed record StoryEvent
{
    [Id(0)] public required StoryEventType Type { get; init; }

    [Id(1)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? StoryId { get; init; }

    /// <summary>Per story, starting at 1 and gap-free.</summary>
    [Id(2)] public long Sequence { get; init; }

    [Id(3)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ArticleId { get; init; }

    [Id(4)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Headline { get; init; }

    /// <summary>Facts this version brought, ranked best first.</summary>
    [Id(5)] public ImmutableArray<NewFact> NewFacts { get; init; } = [];

    /// <summary>The distinct sources the story has gathered so far.</summary>
    [Id(6)] public ImmutableArray<string> Sources { get; init; } = [];

    [Id(7)] public DateTimeOffset At { get; init; }

    /// <summary>For <see cref="StoryEventType.StoriesMerged"/>: the ids of the stories folded into <see cref="StoryId"/>.</summary>
    [Id(8)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ImmutableArray<string>? Absorbed { get; init; }

    /// <summary>For <see cref="StoryEventType.Rejected"/>: the 1-based input line.</summary>
    [Id(9)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Line { get; init; }

    /// <summary>For <see cref="StoryEventType.Rejected"/>: why the input could not be read.</summary>
    [Id(10)]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Reason { get; init; }

    /// <summary>When the article version that caused this event entered LiveNews (for latency measurement).</summary>
    [Id(11)]
    [JsonIgnore]
    public DateTimeOffset? ReceivedAt { get; init; }

    /// <summary>The W3C trace context of the activity that produced the event, so its consumers (webhook deliveries) join the trace.</summary>
    [Id(12)]
    [JsonIgnore]
    public string? TraceParent { get; init; }
}
