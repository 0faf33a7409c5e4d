namespace LiveNews.Stories.Matching;

/// <summary>What the matcher keeps of one story: its centroid, its entities, when it was last updated.</summary>
public sealed class StoryProfile
{
    public required string StoryId { get; init; }

    /// <summary>Sum of member article vectors, pruned to the strongest terms.</summary>
    public Dictionary<string, float> Centroid { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Norm of each feature group of the centroid (see <see cref="FeatureGroup"/>).</summary>
    public double[] GroupNorms { get; set; } = new double[FeatureGroups.Count];

    /// <summary>Entity keys and in how many member articles each occurs.</summary>
    public Dictionary<string, int> Entities { get; set; } = new(StringComparer.Ordinal);

    public int Members { get; set; }

    /// <summary>Order in which stories were opened (lower is older): the older story survives a merge.</summary>
    public long Ordinal { get; set; }

    public DateTimeOffset FirstPublished { get; set; }

    public DateTimeOffset LastPublished { get; set; }
}
