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

    /// <summary>The vectors of the most recent members (bounded), for member-level comparison.</summary>
    public List<Dictionary<string, float>> MemberVectors { get; set; } = [];

    public DateTimeOffset FirstPublished { get; set; }

    public DateTimeOffset LastPublished { get; set; }

    /// <summary>Terms under which this story stands in the inverted index.</summary>
    public HashSet<string> IndexedTerms { get; set; } = new(StringComparer.Ordinal);
}
