namespace LiveNews.Stories.Matching;

/// <summary>
/// Everything a <see cref="StoryMatcher"/> has learned, as plain data, so that its owner can persist it
/// and a new owner (after a restart or a failover) can carry on: document frequencies, story profiles,
/// which story each article went to, which stories were merged into which, and the inverted index as it
/// stands (so a restored matcher finds the same candidates the original would have).
/// </summary>
public sealed class StoryMatcherSnapshot
{
    public int Documents { get; set; }

    public Dictionary<string, int> DocumentFrequency { get; set; } = new(StringComparer.Ordinal);

    public List<StoryProfile> Stories { get; set; } = [];

    public Dictionary<string, string> StoryOfArticle { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> MergedInto { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Article ids in <see cref="StoryOfArticle"/> known only from a further part of their page.</summary>
    public List<string> KnownByPage { get; set; } = [];

    public long Opened { get; set; }

    /// <summary>
    /// The inverted index: per term, the positions in <see cref="Stories"/> of the stories filed under it,
    /// oldest first (-1 for a story that has left). Null in snapshots from before it was kept: the index
    /// is then built again from each story's strongest terms.
    /// </summary>
    public Dictionary<string, int[]>? Postings { get; set; }
}
