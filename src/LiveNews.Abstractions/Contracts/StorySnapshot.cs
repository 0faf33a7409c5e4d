using System.Collections.Immutable;

namespace LiveNews.Abstractions.Contracts;

/// <summary>Everything a story page shows: its versions and its facts with where they came from.</summary>
[GenerateSerializer, Immutable, Alias("LiveNews.StorySnapshot")]
public sealed record StorySnapshot
{
    [Id(0)] public required StorySummary Summary { get; init; }

    [Id(1)] public ImmutableArray<StoryVersionInfo> Versions { get; init; } = [];

    [Id(2)] public ImmutableArray<StoryFactInfo> Facts { get; init; } = [];
}

/// <summary>One article version a story holds.</summary>
[GenerateSerializer, Immutable, Alias("LiveNews.StoryVersionInfo")]
public sealed record StoryVersionInfo
{
    [Id(0)] public required string ArticleId { get; init; }

    [Id(1)] public string Source { get; init; } = "";

    [Id(2)] public string? Url { get; init; }

    [Id(3)] public string Title { get; init; } = "";

    [Id(4)] public DateTimeOffset? Published { get; init; }

    [Id(5)] public DateTimeOffset At { get; init; }

    [Id(6)] public int NewFactCount { get; init; }
}

/// <summary>One fact a story knows, with when and from which source it first appeared.</summary>
[GenerateSerializer, Immutable, Alias("LiveNews.StoryFactInfo")]
public sealed record StoryFactInfo
{
    [Id(0)] public required string Text { get; init; }

    [Id(1)] public string Source { get; init; } = "";

    [Id(2)] public string? Url { get; init; }

    [Id(3)] public string ArticleId { get; init; } = "";

    [Id(4)] public DateTimeOffset At { get; init; }
}
