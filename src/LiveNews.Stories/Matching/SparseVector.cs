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

    /// <summary>Keeps the <paramref name="keep"/> largest entries.</summary>
    public static Dictionary<string, float> Top(IEnumerable<KeyValuePair<string, float>> entries, int keep)
    {
        var result = new Dictionary<string, float>(keep, StringComparer.Ordinal);
        foreach (var (term, value) in entries.OrderByDescending(e => e.Value).ThenBy(e => e.Key, StringComparer.Ordinal).Take(keep))
        {
            result[term] = value;
        }

        return result;
    }
}
