using LiveNews.Abstractions.Contracts;

namespace LiveNews.Grains.Stories;

[GenerateSerializer, Alias("LiveNews.StoryCatalogGrainState")]
public sealed class StoryCatalogGrainState
{
    [Id(0)] public Dictionary<string, StorySummary> Stories { get; set; } = new(StringComparer.Ordinal);
}
