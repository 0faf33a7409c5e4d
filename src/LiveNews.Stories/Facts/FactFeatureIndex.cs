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
    private readonly List<(int Feature, int Position)> _tail = [];

    /// <summary>
    /// An index of <paramref name="facts"/> (position i for the i-th) over their content features,
    /// built at once: two arrays of the exact size, sorted together.
    /// </summary>
    public static FactFeatureIndex Of(IReadOnlyList<KnownFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        // Rebuilt for every version of a small story: plain loops, no allocation beyond the two arrays.
        var count = 0;
        foreach (var fact in facts)
        {
            foreach (var feature in fact.Features)
            {
                count += FactFeatures.IsContent(feature) ? 1 : 0;
            }
        }

        var features = new int[count];
        var positions = new int[count];
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

        Array.Sort(features, positions);
        return new FactFeatureIndex { _features = features, _positions = positions };
    }

    /// <summary>Entries held (feature occurrences).</summary>
    public int Count => _features.Length + _tail.Count;

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
            for (var i = LowerBound(_features, feature); i < _features.Length && _features[i] == feature; i++)
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
        var at = LowerBound(_features, feature);
        for (var i = at; i < _features.Length && _features[i] == feature; i++)
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

    private static int LowerBound(int[] values, int value)
    {
        int low = 0, high = values.Length;
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
        var merged = new int[_features.Length + _tail.Count];
        var positions = new int[merged.Length];
        int i = 0, j = 0, n = 0;
        while (i < _features.Length || j < _tail.Count)
        {
            if (j >= _tail.Count || (i < _features.Length && _features[i] <= _tail[j].Feature))
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

        (_features, _positions) = (merged, positions);
        _tail.Clear();
        _tail.Capacity = 0;
    }
}
