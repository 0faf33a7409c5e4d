namespace LiveNews.Stories.Matching;

/// <summary>
/// A story as the matcher holds it: the compact form of a <see cref="StoryProfile"/>, its centroid as
/// ascending term ids of the matcher's <see cref="TermTable"/> with their weights.
/// </summary>
internal sealed class LiveStory
{
    public required string StoryId { get; init; }

    public int[] TermIds { get; set; } = [];

    public float[] Weights { get; set; } = [];

    public double[] GroupNorms { get; set; } = new double[FeatureGroups.Count];

    public Dictionary<string, int> Entities { get; set; } = new(StringComparer.Ordinal);

    public int Members { get; set; }

    public long Ordinal { get; set; }

    public DateTimeOffset FirstPublished { get; set; }

    public DateTimeOffset LastPublished { get; set; }

    /// <summary>Where the matcher keeps it (a dense number, never reused); its index entries name it by slot.</summary>
    public int Slot { get; set; }
}
