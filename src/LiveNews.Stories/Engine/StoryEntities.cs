namespace LiveNews.Stories.Engine;

/// <summary>
/// The entities a story named: per entity key, how many versions named it and a readable name (the
/// longest seen). Three arrays sorted by key (about 20 bytes an entity, where two dictionaries cost
/// about three times that): a story names dozens to hundreds of entities and is read by key a few
/// times per version.
/// </summary>
internal sealed class StoryEntities
{
    private string[] _keys = [];
    private string?[] _names = [];
    private int[] _counts = [];
    private int _length;

    public int Count => _length;

    /// <summary>How many versions named <paramref name="key"/> (0 when none did).</summary>
    public int CountOf(string key)
    {
        var i = Find(key);
        return i >= 0 ? _counts[i] : 0;
    }

    /// <summary>
    /// Adds <paramref name="count"/> mentions of <paramref name="key"/>. Its name becomes <paramref name="name"/>
    /// when it has none, or, with <paramref name="preferLonger"/>, when that is longer (the fullest form wins).
    /// </summary>
    public void Add(string key, int count, string? name, bool preferLonger)
    {
        ArgumentNullException.ThrowIfNull(key);
        var i = Find(key);
        if (i < 0)
        {
            i = ~i;
            Insert(i, key);
        }

        _counts[i] += count;
        var known = _names[i];
        if (!string.IsNullOrEmpty(name) && (string.IsNullOrEmpty(known) || (preferLonger && known.Length < name.Length)))
        {
            _names[i] = name;
        }
    }

    /// <summary>Every entity: key, versions that named it, name.</summary>
    public IEnumerable<(string Key, int Count, string? Name)> All()
    {
        for (var i = 0; i < _length; i++)
        {
            yield return (_keys[i], _counts[i], _names[i]);
        }
    }

    /// <summary>The names of the most named entities, most named first (ties by key), each name once.</summary>
    public IEnumerable<string> TopNames(int count) =>
        Enumerable.Range(0, _length)
            .OrderByDescending(i => _counts[i]).ThenBy(i => _keys[i], StringComparer.Ordinal)
            .Select(i => _names[i])
            .Where(n => !string.IsNullOrEmpty(n))
            .Select(n => n!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(count);

    /// <summary>Beyond <paramref name="max"/> entities, forgets the least named down to three quarters of it.</summary>
    public void Bound(int max)
    {
        if (_length <= max)
        {
            return;
        }

        var keep = Enumerable.Range(0, _length)
            .OrderByDescending(i => _counts[i]).ThenByDescending(i => _keys[i], StringComparer.Ordinal)
            .Take(max * 3 / 4)
            .Order()
            .ToArray();
        _keys = [.. keep.Select(i => _keys[i])];
        _names = [.. keep.Select(i => _names[i])];
        _counts = [.. keep.Select(i => _counts[i])];
        _length = keep.Length;
    }

    /// <summary>The counts as stored (entity key to versions that named it).</summary>
    public Dictionary<string, int> CountsForStorage()
    {
        var counts = new Dictionary<string, int>(_length, StringComparer.Ordinal);
        for (var i = 0; i < _length; i++)
        {
            counts[_keys[i]] = _counts[i];
        }

        return counts;
    }

    /// <summary>The names as stored (entity key to name; keys without a name are left out).</summary>
    public Dictionary<string, string> NamesForStorage()
    {
        var names = new Dictionary<string, string>(_length, StringComparer.Ordinal);
        for (var i = 0; i < _length; i++)
        {
            if (_names[i] is { } name)
            {
                names[_keys[i]] = name;
            }
        }

        return names;
    }

    /// <summary>Where <paramref name="key"/> stands, or the complement of where it would go.</summary>
    // A struct comparer, so the search's comparisons are direct calls rather than interface calls.
    private int Find(string key) => _keys.AsSpan(0, _length).BinarySearch(key, default(OrdinalComparer));

    private readonly struct OrdinalComparer : IComparer<string>
    {
        public int Compare(string? x, string? y) => string.CompareOrdinal(x, y);
    }

    private void Insert(int at, string key)
    {
        if (_length == _keys.Length)
        {
            var capacity = Math.Max(8, _length * 3 / 2);
            Array.Resize(ref _keys, capacity);
            Array.Resize(ref _names, capacity);
            Array.Resize(ref _counts, capacity);
        }

        Array.Copy(_keys, at, _keys, at + 1, _length - at);
        Array.Copy(_names, at, _names, at + 1, _length - at);
        Array.Copy(_counts, at, _counts, at + 1, _length - at);
        (_keys[at], _names[at], _counts[at]) = (key, null, 0);
        _length++;
    }
}
