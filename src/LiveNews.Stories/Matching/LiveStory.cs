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

    public int Members { get; set; }

    public long Ordinal { get; set; }

    public DateTimeOffset FirstPublished { get; set; }

    public DateTimeOffset LastPublished { get; set; }

    /// <summary>Where the matcher keeps it (a dense number, never reused); its index entries name it by slot.</summary>
    public int Slot { get; set; }

    /// <summary>A story from its <see cref="StoryProfile"/> (from a snapshot or another matcher), its terms numbered by <paramref name="terms"/>.</summary>
    public static LiveStory FromProfile(StoryProfile profile, TermTable terms)
    {
        var (ids, weights) = terms.ToIds(profile.Centroid);
        return new LiveStory
        {
            StoryId = profile.StoryId,
            TermIds = ids,
            Weights = weights,
            GroupNorms = (double[])profile.GroupNorms.Clone(),
            Members = profile.Members,
            Ordinal = profile.Ordinal,
            FirstPublished = profile.FirstPublished,
            LastPublished = profile.LastPublished,
        };
    }

    /// <summary>
    /// A copy that later changes to this story do not reach: its arrays are shared (the matcher replaces
    /// them, never writes into them), its numbers copied.
    /// </summary>
    public LiveStory Freeze() => new()
    {
        StoryId = StoryId,
        TermIds = TermIds,
        Weights = Weights,
        GroupNorms = GroupNorms,
        Members = Members,
        Ordinal = Ordinal,
        FirstPublished = FirstPublished,
        LastPublished = LastPublished,
        Slot = Slot,
    };

    /// <summary>The story as a <see cref="StoryProfile"/> (terms by name, from <paramref name="names"/>, indexed by term id): a copy.</summary>
    public StoryProfile ToProfile(IReadOnlyList<string> names)
    {
        var centroid = new Dictionary<string, float>(TermIds.Length, StringComparer.Ordinal);
        for (var k = 0; k < TermIds.Length; k++)
        {
            centroid[names[TermIds[k]]] = Weights[k];
        }

        return new StoryProfile
        {
            StoryId = StoryId,
            Centroid = centroid,
            GroupNorms = (double[])GroupNorms.Clone(),
            Members = Members,
            Ordinal = Ordinal,
            FirstPublished = FirstPublished,
            LastPublished = LastPublished,
        };
    }
}
