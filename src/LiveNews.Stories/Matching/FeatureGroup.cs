namespace LiveNews.Stories.Matching;

/// <summary>The kinds of features a term vector holds; each kind is compared on its own.</summary>
public enum FeatureGroup
{
    /// <summary>Content-word stems.</summary>
    Words = 0,

    /// <summary>Entity alias keys (prefixed '@').</summary>
    Entities = 1,

    /// <summary>Numbers (prefixed '#').</summary>
    Numbers = 2,
}

/// <summary>Which group a feature name belongs to.</summary>
public static class FeatureGroups
{
    public const int Count = 3;

    public static FeatureGroup Of(string feature) => feature.Length == 0 ? FeatureGroup.Words : feature[0] switch
    {
        '@' => FeatureGroup.Entities,
        '#' => FeatureGroup.Numbers,
        _ => FeatureGroup.Words,
    };

    /// <summary>Euclidean norm of each group of a vector.</summary>
    public static double[] Norms(IReadOnlyDictionary<string, float> vector)
    {
        var sums = new double[Count];
        foreach (var (term, value) in vector)
        {
            sums[(int)Of(term)] += value * (double)value;
        }

        for (var g = 0; g < Count; g++)
        {
            sums[g] = Math.Sqrt(sums[g]);
        }

        return sums;
    }

    /// <summary>Dot product of each group of two vectors (iterates the smaller).</summary>
    public static double[] Dots(IReadOnlyDictionary<string, float> a, IReadOnlyDictionary<string, float> b)
    {
        if (a.Count > b.Count)
        {
            (a, b) = (b, a);
        }

        var dots = new double[Count];
        foreach (var (term, value) in a)
        {
            if (b.TryGetValue(term, out var other))
            {
                dots[(int)Of(term)] += value * (double)other;
            }
        }

        return dots;
    }
}
