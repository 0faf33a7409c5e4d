namespace LiveNews.Grains.Stories;

/// <summary>Which story an article version goes to, and whether it opens it.</summary>
[GenerateSerializer, Immutable, Alias("LiveNews.IndexDecision")]
public sealed record IndexDecision
{
    [Id(0)] public required string StoryId { get; init; }

    [Id(1)] public double Score { get; init; }

    [Id(2)] public bool Opens { get; init; }

    [Id(3)] public int Candidates { get; init; }

    /// <summary>Stories the article showed to be one with <see cref="StoryId"/>: fold them into it before the article.</summary>
    [Id(4)] public string[] Absorbed { get; init; } = [];
}
