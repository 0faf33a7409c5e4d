namespace LiveNews.Stories.Matching;

/// <summary>
/// A sparse term vector of one matcher: term ids in ascending order with their weights, and the feature
/// group of each entry. Compared by merge-joining two such arrays, without hashing.
/// </summary>
public sealed class TermVector
{
    internal TermVector(int[] ids, float[] values, FeatureGroup[] groups)
    {
        Ids = ids;
        Values = values;
        Groups = groups;
        foreach (var group in groups)
        {
            GroupMask |= 1 << (int)group;
        }
    }

    internal static TermVector Empty { get; } = new([], [], []);

    internal int[] Ids { get; }

    internal float[] Values { get; }

    internal FeatureGroup[] Groups { get; }

    /// <summary>Bit g is set when the vector has a feature of group g.</summary>
    internal int GroupMask { get; }

    /// <summary>Number of terms.</summary>
    public int Count => Ids.Length;

    /// <summary>True when the vector has a feature of <paramref name="group"/>.</summary>
    public bool Has(FeatureGroup group) => (GroupMask & (1 << (int)group)) != 0;

    /// <summary>Per-group dot products with another vector of the same matcher.</summary>
    internal void Dots(int[] otherIds, float[] otherValues, Span<double> dots)
    {
        var ids = Ids;
        var values = Values;
        int i = 0, j = 0;
        while (i < ids.Length && j < otherIds.Length)
        {
            var a = ids[i];
            var b = otherIds[j];
            if (a == b)
            {
                dots[(int)Groups[i]] += values[i] * (double)otherValues[j];
                i++;
                j++;
            }
            else if (a < b)
            {
                i++;
            }
            else
            {
                j++;
            }
        }
    }
}
