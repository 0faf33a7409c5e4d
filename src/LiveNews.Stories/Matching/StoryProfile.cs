namespace LiveNews.Stories.Matching;

/// <summary>What the matcher keeps of one story: its centroid, its size and age, when it was last updated.</summary>
public sealed class StoryProfile
{
    public required string StoryId { get; init; }

    /// <summary>Sum of member article vectors, pruned to the strongest terms.</summary>
    public Dictionary<string, float> Centroid { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Norm of each feature group of the centroid (see <see cref="FeatureGroup"/>).</summary>
    public double[] GroupNorms { get; set; } = new double[FeatureGroups.Count];

    public int Members { get; set; }

    /// <summary>Order in which stories were opened (lower is older): the older story survives a merge.</summary>
    public long Ordinal { get; set; }

    public DateTimeOffset FirstPublished { get; set; }

    public DateTimeOffset LastPublished { get; set; }
}
