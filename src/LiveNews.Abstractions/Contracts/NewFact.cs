namespace LiveNews.Abstractions.Contracts;

/// <summary>A fact that a story did not know before, with its rank score and where it came from.</summary>
[GenerateSerializer, Immutable, Alias("LiveNews.NewFact")]
public sealed record NewFact
{
    [Id(0)] public required string Text { get; init; }

    [Id(1)] public double Score { get; init; }

    [Id(2)] public string Source { get; init; } = "";

    [Id(3)] public string? Url { get; init; }
}
