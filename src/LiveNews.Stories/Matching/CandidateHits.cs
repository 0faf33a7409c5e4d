namespace LiveNews.Stories.Matching;

/// <summary>
/// The candidate stories of one match and the term weight each shares with the article, by story slot:
/// a small open-addressing table (a few hundred hits at most: candidate terms times stories per term),
/// so gathering hits touches the same few kilobytes whether a hundred or a hundred thousand stories are
/// live. A dense array by slot grew with the stories (800 KB at 100,000) and missed the CPU caches on
/// almost every hit there. Entries carry the stamp of the match that set them, so nothing is cleared
/// between matches.
/// </summary>
internal sealed class CandidateHits
{
    private readonly List<int> _slots = new(1024);
    private Entry[] _entries;
    private int _mask;
    private int _shift;
    private int _stamp;

    public CandidateHits(int capacity = 1024)
    {
        var size = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(capacity, 1)));
        _entries = new Entry[size];
        _mask = size - 1;
        _shift = 32 - System.Numerics.BitOperations.Log2((uint)size);
    }

    /// <summary>How many stories have a hit in the current match.</summary>
    public int Count => _slots.Count;

    /// <summary>The slots hit in the current match, in the order they were first hit.</summary>
    public IReadOnlyList<int> Slots => _slots;

    /// <summary>Entries in the table (for tests: it grows when hits fill half of it).</summary>
    public int Capacity => _entries.Length;

    /// <summary>Starts a new match: every earlier hit is forgotten.</summary>
    public void Reset()
    {
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_entries);
            _stamp = 1;
        }

        _slots.Clear();
    }

    /// <summary>
    /// Adds <paramref name="weight"/> to the hit of <paramref name="slot"/>; true when that slot had no hit
    /// in this match yet (its weight then starts at zero).
    /// </summary>
    public bool Add(int slot, float weight)
    {
        if (2 * (Count + 1) > _entries.Length)
        {
            Grow();
        }

        ref var entry = ref Find(_entries, _mask, _shift, slot, _stamp);
        var added = entry.Stamp != _stamp;
        if (added)
        {
            entry = new Entry { Slot = slot, Weight = 0, Stamp = _stamp };
            _slots.Add(slot);
        }

        entry.Weight += weight;
        return added;
    }

    /// <summary>The weight <paramref name="slot"/> shares with the article in this match (0 without a hit).</summary>
    public float WeightOf(int slot)
    {
        ref var entry = ref Find(_entries, _mask, _shift, slot, _stamp);
        return entry.Stamp == _stamp ? entry.Weight : 0;
    }

    /// <summary>The entry holding <paramref name="slot"/>, or the free entry where it would go.</summary>
    private static ref Entry Find(Entry[] entries, int mask, int shift, int slot, int stamp)
    {
        // Fibonacci hashing: the top bits of the product spread neighbouring slots over the table.
        var at = (int)(((uint)slot * 0x9E3779B1u) >> shift) & mask;
        while (true)
        {
            ref var entry = ref entries[at];
            if (entry.Stamp != stamp || entry.Slot == slot)
            {
                return ref entry;
            }

            at = (at + 1) & mask;
        }
    }

    private void Grow()
    {
        var larger = new Entry[_entries.Length * 2];
        var (mask, shift) = (larger.Length - 1, _shift - 1);
        foreach (var entry in _entries)
        {
            if (entry.Stamp == _stamp)
            {
                Find(larger, mask, shift, entry.Slot, _stamp) = entry;
            }
        }

        (_entries, _mask, _shift) = (larger, mask, shift);
    }

    /// <summary>A story's hit: shared term weight, valid when <see cref="Stamp"/> is the match's.</summary>
    private struct Entry
    {
        public int Slot;
        public float Weight;
        public int Stamp;
    }
}
