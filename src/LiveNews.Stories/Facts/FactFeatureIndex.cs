namespace LiveNews.Stories.Facts;

/// <summary>
/// Which of a story's known facts carry which fingerprint feature (<see cref="FactFeatures"/>), kept
/// small: a sorted array of features beside the facts' positions (8 bytes an entry, where a dictionary of lists costs about ten
/// times that), plus a short unsorted tail of recent additions that is merged in when it grows.
/// <see cref="CountShared"/> gives every fact's share of a sentence's content in one pass.
/// </summary>
public sealed class FactFeatureIndex
{
    private const int TailLimit = 64;

    private int[] _features = [];
    private int[] _positions = [];

    /// <summary>How much of <see cref="_features"/> and <see cref="_positions"/> is in use (a rebuilt index keeps longer arrays).</summary>
    private int _count;
    private readonly List<(int Feature, int Position)> _tail = [];

    /// <summary>
    /// An index of <paramref name="facts"/> (position i for the i-th) over their content features,
    /// built at once: two arrays of the exact size, sorted together.
    /// </summary>
    public static FactFeatureIndex Of(IReadOnlyList<KnownFact> facts)
    {
        var index = new FactFeatureIndex();
        index.Rebuild(facts, exactSize: true);
        return index;
    }

    /// <summary>
    /// Makes this the index of <paramref name="facts"/> alone, in the arrays it has when they are long enough:
    /// a small story's index is built for every version and let go after it, so one index per thread serves
    /// them all without allocating.
    /// </summary>
    public void Rebuild(IReadOnlyList<KnownFact> facts) => Rebuild(facts, exactSize: false);

    private void Rebuild(IReadOnlyList<KnownFact> facts, bool exactSize)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var count = 0;
        foreach (var fact in facts)
        {
            foreach (var feature in fact.Features)
            {
                count += FactFeatures.IsContent(feature) ? 1 : 0;
            }
        }

        if (exactSize || _features.Length < count)
        {
            var size = exactSize ? count : Math.Max(count, 2 * _features.Length);
            _features = new int[size];
            _positions = new int[size];
        }

        var features = _features;
        var positions = _positions;
        var n = 0;
        for (var position = 0; position < facts.Count; position++)
        {
            foreach (var feature in facts[position].Features)
            {
                if (FactFeatures.IsContent(feature))
                {
                    (features[n], positions[n]) = (feature, position);
                    n++;
                }
            }
        }

        features.AsSpan(0, n).Sort(positions.AsSpan(0, n));
        _count = n;
        _tail.Clear();
    }

    /// <summary>Entries held (feature occurrences).</summary>
    public int Count => _count + _tail.Count;

    /// <summary>Records the content features of <paramref name="fact"/>, the fact at <paramref name="position"/>.</summary>
    public void Add(KnownFact fact, int position)
    {
        ArgumentNullException.ThrowIfNull(fact);
        foreach (var feature in fact.Features)
        {
            if (FactFeatures.IsContent(feature))
            {
                Add(feature, position);
            }
        }
    }

    /// <summary>Records that the fact at <paramref name="position"/> carries <paramref name="features"/>.</summary>
    public void Add(ReadOnlySpan<int> features, int position)
    {
        foreach (var feature in features)
        {
            Add(feature, position);
        }
    }

    /// <summary>Records that the fact at <paramref name="position"/> carries <paramref name="feature"/>.</summary>
    public void Add(int feature, int position)
    {
        _tail.Add((feature, position));

        if (_tail.Count > TailLimit)
        {
            MergeTail();
        }
    }

    /// <summary>
    /// Counts how many of <paramref name="content"/> (distinct content features) each fact carries:
    /// <paramref name="shared"/>[position] goes up by one for each, and a fact met for the first time is
    /// written to <paramref name="met"/> (as long as <paramref name="shared"/>), in the order that looking up
    /// each feature in turn meets the facts; returns how many were met. Positions beyond
    /// <paramref name="shared"/> are left out. One pass over the index entries of the content, with no set
    /// of facts seen and no second look at each fact's features.
    /// </summary>
    public int CountShared(ReadOnlySpan<int> content, Span<int> shared, Span<int> met)
    {
        if (met.Length < shared.Length)
        {
            throw new ArgumentException("met must hold a position for every count", nameof(met));
        }

        var count = 0;
        foreach (var feature in content)
        {
            for (var i = LowerBound(_features, _count, feature); i < _count && _features[i] == feature; i++)
            {
                Tally(_positions[i], shared, met, ref count);
            }

            foreach (var (f, position) in _tail)
            {
                if (f == feature)
                {
                    Tally(position, shared, met, ref count);
                }
            }
        }

        return count;
    }

    private static void Tally(int position, Span<int> shared, Span<int> met, ref int count)
    {
        if ((uint)position < (uint)shared.Length && shared[position]++ == 0)
        {
            met[count++] = position;
        }
    }

    /// <summary>Positions of the facts that carry <paramref name="feature"/> (each at most once per entry); for inspection.</summary>
    public IEnumerable<int> Lookup(int feature)
    {
        var at = LowerBound(_features, _count, feature);
        for (var i = at; i < _count && _features[i] == feature; i++)
        {
            yield return _positions[i];
        }

        foreach (var (h, position) in _tail)
        {
            if (h == feature)
            {
                yield return position;
            }
        }
    }

    private static int LowerBound(int[] values, int count, int value)
    {
        int low = 0, high = count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (values[mid] < value)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private void MergeTail()
    {
        _tail.Sort();
        var merged = new int[_count + _tail.Count];
        var positions = new int[merged.Length];
        int i = 0, j = 0, n = 0;
        while (i < _count || j < _tail.Count)
        {
            if (j >= _tail.Count || (i < _count && _features[i] <= _tail[j].Feature))
            {
                (merged[n], positions[n]) = (_features[i], _positions[i]);
                i++;
            }
            else
            {
                (merged[n], positions[n]) = _tail[j];
                j++;
            }

            n++;
        }

        (_features, _positions, _count) = (merged, positions, n);
        _tail.Clear();
        _tail.Capacity = 0;
    }
}
