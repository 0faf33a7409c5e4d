namespace LiveNews.Stories.Matching;

/// <summary>
/// An article's vector laid out as a small open-addressing table of its term ids, so that each candidate
/// story's centroid is compared by looking its terms up one after another instead of merge-joining two
/// sorted arrays, whose branches the processor cannot predict. The table (a few kilobytes) stays in the
/// first-level cache while the candidates are scored. The products are added in the order of the story's
/// ascending term ids, as the merge adds them, so the sums are the same to the last bit. One per matcher;
/// it keeps the last vector it was loaded with. Not thread-safe.
/// </summary>
internal sealed class TermProbe
{
    private Entry[] _entries = new Entry[64];
    private int _shift = 32 - 6;
    private TermVector? _vector;

    /// <summary>Lays out <paramref name="vector"/> (nothing to do when it is the one laid out last).</summary>
    public void Load(TermVector vector)
    {
        ArgumentNullException.ThrowIfNull(vector);
        if (ReferenceEquals(vector, _vector))
        {
            return;
        }

        // At most one entry in four used: a lookup almost always ends at its first slot.
        var bits = 6;
        while ((1 << bits) < vector.Count * 4)
        {
            bits++;
        }

        if (_entries.Length != 1 << bits)
        {
            _entries = new Entry[1 << bits];
        }
        else
        {
            Array.Clear(_entries);
        }

        _shift = 32 - bits;
        var mask = _entries.Length - 1;
        for (var i = 0; i < vector.Count; i++)
        {
            var at = SlotOf(vector.Ids[i]);
            while (_entries[at].Key != 0)
            {
                at = (at + 1) & mask;
            }

            _entries[at] = new Entry(vector.Ids[i] + 1, vector.Values[i], (int)vector.Groups[i]);
        }

        _vector = vector;
    }

    /// <summary>Per-group dot products of the loaded vector with a story's ascending <paramref name="ids"/> and <paramref name="values"/>.</summary>
    public void Dots(int[] ids, float[] values, Span<double> dots)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(values);
        var entries = _entries;
        var mask = entries.Length - 1;
        for (var j = 0; j < ids.Length; j++)
        {
            var key = ids[j] + 1;
            var at = SlotOf(ids[j]);
            while (true)
            {
                ref readonly var entry = ref entries[at];
                if (entry.Key == key)
                {
                    dots[entry.Group] += entry.Value * (double)values[j];
                    break;
                }

                if (entry.Key == 0)
                {
                    break;
                }

                at = (at + 1) & mask;
            }
        }
    }

    /// <summary>Fibonacci hashing of a term id to a slot.</summary>
    private int SlotOf(int id) => (int)((uint)id * 0x9E3779B1u >> _shift);

    /// <summary>A term id plus one (zero: empty), its weight and its group.</summary>
    private readonly record struct Entry(int Key, float Value, int Group);
}
