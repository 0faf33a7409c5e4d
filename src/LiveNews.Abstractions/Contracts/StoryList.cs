using System.Collections.Immutable;

namespace LiveNews.Abstractions.Contracts;

/// <summary>A page of stories and how many match in all.</summary>
[GenerateSerializer, Immutable, Alias("LiveNews.StoryList")]
public sealed record StoryList
{
    [Id(0)] public ImmutableArray<StorySummary> Stories { get; init; } = [];

    [Id(1)] public int Total { get; init; }

    [Id(2)] public int Skip { get; init; }

    [Id(3)] public int Take { get; init; }
}
