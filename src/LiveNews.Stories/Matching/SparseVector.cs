namespace LiveNews.Stories.Matching;

/// <summary>Helpers for sparse term vectors kept as dictionaries.</summary>
public static class SparseVector
{
    public static double Norm(IReadOnlyDictionary<string, float> vector)
    {
        double sum = 0;
        foreach (var value in vector.Values)
        {
            sum += value * (double)value;
        }

        return Math.Sqrt(sum);
    }

    /// <summary>Dot product; iterates the smaller vector.</summary>
    public static double Dot(IReadOnlyDictionary<string, float> a, IReadOnlyDictionary<string, float> b)
    {
        if (a.Count > b.Count)
        {
            (a, b) = (b, a);
        }

        double sum = 0;
        foreach (var (term, value) in a)
        {
            if (b.TryGetValue(term, out var other))
            {
                sum += value * (double)other;
            }
        }

        return sum;
    }

    /// <summary>Keeps the <paramref name="keep"/> largest entries (ties broken by term, so the result is deterministic).</summary>
    public static Dictionary<string, float> Top(IEnumerable<KeyValuePair<string, float>> entries, int keep)
    {
        var all = entries.ToArray();
        if (all.Length > keep)
        {
            Array.Sort(all, StrongestFirst.Instance);
        }

        var count = Math.Min(keep, all.Length);
        var result = new Dictionary<string, float>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            result[all[i].Key] = all[i].Value;
        }

        return result;
    }

    /// <summary>The <paramref name="keep"/> strongest terms of a vector, strongest first.</summary>
    public static IEnumerable<string> TopTerms(IReadOnlyDictionary<string, float> vector, int keep)
    {
        var all = vector.ToArray();
        Array.Sort(all, StrongestFirst.Instance);
        return all.Take(keep).Select(e => e.Key);
    }

    private sealed class StrongestFirst : IComparer<KeyValuePair<string, float>>
    {
        public static readonly StrongestFirst Instance = new();

        public int Compare(KeyValuePair<string, float> x, KeyValuePair<string, float> y)
        {
            var byValue = y.Value.CompareTo(x.Value);
            return byValue != 0 ? byValue : string.CompareOrdinal(x.Key, y.Key);
        }
    }
}
