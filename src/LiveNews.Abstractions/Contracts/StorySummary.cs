using System.Collections.Immutable;

namespace LiveNews.Abstractions.Contracts;

/// <summary>A story as a list shows it: headline, sources, how far it has come.</summary>
[GenerateSerializer, Immutable, Alias("LiveNews.StorySummary")]
public sealed record StorySummary
{
    [Id(0)] public required string Id { get; init; }

    [Id(1)] public string Headline { get; init; } = "";

    [Id(2)] public ImmutableArray<string> Sources { get; init; } = [];

    [Id(3)] public int VersionCount { get; init; }

    [Id(4)] public int FactCount { get; init; }

    [Id(5)] public DateTimeOffset CreatedAt { get; init; }

    [Id(6)] public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The sequence number of the story's latest event.</summary>
    [Id(7)] public long Sequence { get; init; }

    /// <summary>Set when this story was folded into another.</summary>
    [Id(8)] public string? MergedInto { get; init; }

    /// <summary>The people, places and organisations the story names most, most named first.</summary>
    [Id(9)] public ImmutableArray<string> Entities { get; init; } = [];
}
