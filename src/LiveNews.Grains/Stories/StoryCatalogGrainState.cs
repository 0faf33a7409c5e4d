using LiveNews.Abstractions.Contracts;

namespace LiveNews.Grains.Stories;

[GenerateSerializer, Alias("LiveNews.StoryCatalogGrainState")]
public sealed class StoryCatalogGrainState
{
    /// <summary>The list as an earlier version stored it (read, never written).</summary>
    [Id(0)] public Dictionary<string, StorySummary> Stories { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The list's summaries, serialised and compressed with Brotli by the grain itself, off its turn: a list
    /// of ten thousand stories takes about a tenth of a second to serialise, which in the grain's turn held
    /// up every update and list request behind it.
    /// </summary>
    [Id(1)] public byte[]? Packed { get; set; }
}
