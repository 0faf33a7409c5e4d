using LiveNews.Text.Collections;

namespace LiveNews.Stories.Matching;

/// <summary>
/// The vocabulary of one matcher: each feature name (stem, "@entity", "#number") gets a dense integer id
/// on first sight, so that vectors and centroids are sorted arrays of ids rather than string-keyed
/// dictionaries. Ids are local to the matcher; what leaves it (profiles, snapshots) uses the names.
/// </summary>
internal sealed class TermTable
{
    private readonly SpanKeyTable<int> _ids = new();
    private readonly List<string> _names = [];
    private readonly List<FeatureGroup> _groups = [];

    public int Count => _names.Count;

    /// <summary>The id of a feature name, adding it when new.</summary>
    public int GetOrAdd(string name) => GetOrAdd(name, SpanKeyTable.HashOf(name));

    /// <summary>The id of a feature name whose <see cref="SpanKeyTable.HashOf"/> was worked out before (see <see cref="Prefetch"/>).</summary>
    public int GetOrAdd(string name, int hash)
    {
        ref var id = ref _ids.GetValueRefOrAddDefault(name, hash, out var exists);
        if (!exists)
        {
            id = _names.Count;
            _names.Add(name);
            _groups.Add(FeatureGroups.Of(name));
        }

        return id;
    }

    /// <summary>Starts loading where a name with this hash is looked up, so many lookups wait for memory together.</summary>
    public void Prefetch(int hash) => _ids.Prefetch(hash);

    public string Name(int id) => _names[id];

    /// <summary>Every name, indexed by id (live: grows as terms are added).</summary>
    public IReadOnlyList<string> Names => _names;

    /// <summary>A copy of every name so far, indexed by id: ids never change, so it names them for good.</summary>
    public string[] CopyNames() => [.. _names];

    public FeatureGroup Group(int id) => _groups[id];

    /// <summary>A vector of ascending term ids of this table with their weights.</summary>
    public TermVector Vector(int[] ids, float[] weights)
    {
        var groups = new FeatureGroup[ids.Length];
        for (var k = 0; k < ids.Length; k++)
        {
            groups[k] = _groups[ids[k]];
        }

        return new TermVector(ids, weights, groups);
    }

    /// <summary>Terms with their weights (same positions) as ascending ids of this table, adding terms it lacks.</summary>
    public (int[] Ids, float[] Weights) ToIds(string[] names, float[] weights)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(weights);
        if (names.Length != weights.Length)
        {
            throw new ArgumentException($"{names.Length} terms but {weights.Length} weights", nameof(weights));
        }

        var ids = new int[names.Length];
        for (var k = 0; k < names.Length; k++)
        {
            ids[k] = GetOrAdd(names[k]);
        }

        var sorted = (float[])weights.Clone();
        Array.Sort(ids, sorted);
        return (ids, sorted);
    }

    /// <summary>A string-keyed vector (a profile's centroid) as ascending ids of this table, adding terms it lacks.</summary>
    public (int[] Ids, float[] Weights) ToIds(IReadOnlyDictionary<string, float> vector)
    {
        var entries = vector.Select(e => (Id: GetOrAdd(e.Key), e.Value)).OrderBy(e => e.Id).ToArray();
        return ([.. entries.Select(e => e.Id)], [.. entries.Select(e => e.Value)]);
    }
}
