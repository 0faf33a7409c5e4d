using System.Runtime.InteropServices;

namespace LiveNews.Text.Collections;

/// <summary>What every <see cref="SpanKeyTable{TValue}"/> shares.</summary>
public static class SpanKeyTable
{
    /// <summary>Where a key's slot is looked for: the runtime's randomised hash of its characters.</summary>
    public static int HashOf(ReadOnlySpan<char> key) => string.GetHashCode(key);
}

/// <summary>
/// A string-keyed table for large vocabularies read once per word (the tokenizer's word cache, a matcher's
/// term ids, the name lexicon): open addressing, each slot holding a key's first characters beside its
/// value. Finding a key of up to twelve characters reads one slot; a <see cref="Dictionary{TKey, TValue}"/>
/// reads a bucket, an entry and the key string, three places in memory that a vocabulary of tens of
/// thousands of words keeps out of the CPU caches. A longer key keeps eleven characters and a mark in its
/// slot and is compared in full with the key string, kept apart. Slots are found by the runtime's
/// randomised string hash, so crafted keys cannot make the probes long. Keys are never empty; nothing is
/// removed, but a table given a limit starts again empty when a new key comes to a full table (a cache), and
/// everything can be cleared. Not thread-safe.
/// </summary>
/// <typeparam name="TValue">What each key maps to.</typeparam>
public sealed class SpanKeyTable<TValue>
{
    /// <summary>Characters a slot holds: a key of up to this many is compared in the slot alone.</summary>
    private const int InlineChars = 12;

    /// <summary>In the last inline position, marks a key compared in full (a longer one, or one holding NUL or this character).</summary>
    private const char LongMark = '\uFFFF';

    private const int MinCapacity = 64;

    private readonly int _limit;
    private Slot[] _slots;
    private string?[] _keys;
    private int _count;

    /// <param name="capacity">Keys it can hold before it first grows.</param>
    /// <param name="limit">Keys it holds before a new one empties it; unbounded when not given.</param>
    public SpanKeyTable(int capacity = 0, int limit = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        _limit = limit;
        var size = MinCapacity;
        while (size * 3 < capacity * 4)
        {
            size *= 2;
        }

        _slots = new Slot[size];
        _keys = new string?[size];
    }

    /// <summary>Keys held.</summary>
    public int Count => _count;

    /// <summary>True when <paramref name="key"/> is held, with its value.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, out TValue value) => TryGetValue(key, SpanKeyTable.HashOf(key), out value);

    /// <summary><see cref="TryGetValue(ReadOnlySpan{char}, out TValue)"/> with the key's <see cref="SpanKeyTable.HashOf"/> worked out before.</summary>
    public bool TryGetValue(ReadOnlySpan<char> key, int hash, out TValue value)
    {
        var packed = Pack(key, out var whole);
        var at = Find(key, hash, packed, whole, out var found);
        value = found ? _slots[at].Value : default!;
        return found;
    }

    /// <summary>True when <paramref name="key"/> is held.</summary>
    public bool ContainsKey(ReadOnlySpan<char> key) => TryGetValue(key, out _);

    /// <summary>
    /// A reference to the value of <paramref name="key"/>, added with the default value when missing
    /// (<paramref name="exists"/> says which). The reference is good until the table next changes.
    /// </summary>
    public ref TValue GetValueRefOrAddDefault(string key, out bool exists) => ref GetValueRefOrAddDefault(key, SpanKeyTable.HashOf(key), out exists);

    /// <summary>
    /// <see cref="GetValueRefOrAddDefault(string, out bool)"/> with the key's <see cref="SpanKeyTable.HashOf"/>
    /// worked out before (to <see cref="Prefetch"/> the slots of many keys, then look them up).
    /// </summary>
    public ref TValue GetValueRefOrAddDefault(string key, int hash, out bool exists)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var packed = Pack(key, out var whole);
        var at = Find(key, hash, packed, whole, out exists);
        if (!exists)
        {
            at = Add(key, hash, packed, at);
        }

        return ref _slots[at].Value;
    }

    /// <summary>
    /// Starts loading the slot a key with this <paramref name="hash"/> is looked for in, so that the lookups
    /// of many keys wait for memory together rather than one after another. Only a hint: does nothing
    /// where the processor has no prefetch instruction.
    /// </summary>
    public void Prefetch(int hash)
    {
        var slots = _slots;
        Prefetcher.Prefetch(ref slots[hash & (slots.Length - 1)]);
    }

    /// <summary>The value of <paramref name="key"/>, made by <paramref name="make"/> from the key's string and added when missing.</summary>
    public TValue GetOrAdd(ReadOnlySpan<char> key, Func<string, TValue> make) => GetOrAdd(key, SpanKeyTable.HashOf(key), make);

    /// <summary><see cref="GetOrAdd(ReadOnlySpan{char}, Func{string, TValue})"/> with the key's <see cref="SpanKeyTable.HashOf"/> worked out before.</summary>
    public TValue GetOrAdd(ReadOnlySpan<char> key, int hash, Func<string, TValue> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        var packed = Pack(key, out var whole);
        var at = Find(key, hash, packed, whole, out var found);
        if (found)
        {
            return _slots[at].Value;
        }

        if (key.IsEmpty)
        {
            throw new ArgumentException("A key is never empty.", nameof(key));
        }

        var name = key.ToString();
        var value = make(name);
        var added = Add(name, hash, packed, at); // may grow or empty the table: index the slots as they are now
        _slots[added].Value = value;
        return value;
    }

    /// <summary>Forgets every key.</summary>
    public void Clear()
    {
        Array.Clear(_slots);
        Array.Clear(_keys);
        _count = 0;
    }

    private int Find(ReadOnlySpan<char> key, int hash, in Chars packed, bool whole, out bool found)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var at = hash & mask;
        while (true)
        {
            ref var slot = ref slots[at];
            if (slot.Key.IsEmpty)
            {
                found = false;
                return at;
            }

            if (slot.Key == packed && (whole || key.SequenceEqual(_keys[at])))
            {
                found = true;
                return at;
            }

            at = (at + 1) & mask;
        }
    }

    /// <summary>Adds a key at <paramref name="free"/>, the empty slot its lookup ended on, unless the table must first be emptied or grown.</summary>
    private int Add(string key, int hash, in Chars packed, int free)
    {
        if (_count >= _limit)
        {
            Clear();
            free = FreeSlot(hash);
        }
        else if ((_count + 1) * 4 > _slots.Length * 3)
        {
            // At most three slots in four used: a found key is one or two slots from where its hash points.
            Grow();
            free = FreeSlot(hash);
        }

        var at = free;
        _slots[at].Key = packed;
        _keys[at] = key;
        _count++;
        return at;
    }

    private int FreeSlot(int hash)
    {
        var mask = _slots.Length - 1;
        var at = hash & mask;
        while (!_slots[at].Key.IsEmpty)
        {
            at = (at + 1) & mask;
        }

        return at;
    }

    private void Grow()
    {
        var (slots, keys) = (_slots, _keys);
        _slots = new Slot[slots.Length * 2];
        _keys = new string?[slots.Length * 2];
        for (var i = 0; i < slots.Length; i++)
        {
            if (keys[i] is { } key)
            {
                var at = FreeSlot(SpanKeyTable.HashOf(key));
                _slots[at] = slots[i];
                _keys[at] = key;
            }
        }
    }

    /// <summary>
    /// A key's first characters as a slot holds them. A whole key (at most twelve characters, none of them NUL
    /// or the mark) is told apart by its slot alone, zero-padded; any other keeps its first eleven and the mark.
    /// </summary>
    private static Chars Pack(ReadOnlySpan<char> key, out bool whole)
    {
        whole = key.Length <= InlineChars;
        foreach (var c in key[..Math.Min(key.Length, InlineChars)])
        {
            whole &= c is not ('\0' or LongMark);
        }

        var packed = default(Chars);
        var chars = MemoryMarshal.Cast<Chars, char>(MemoryMarshal.CreateSpan(ref packed, 1));
        if (whole)
        {
            key.CopyTo(chars);
        }
        else
        {
            key[..Math.Min(key.Length, InlineChars - 1)].CopyTo(chars);
            chars[InlineChars - 1] = LongMark;
        }

        return packed;
    }

    /// <summary>A key's first characters, compared as three numbers; all zero in an empty slot.</summary>
    private readonly record struct Chars(ulong A, ulong B, ulong C)
    {
        public bool IsEmpty => (A | B | C) == 0;
    }

    private struct Slot
    {
        public Chars Key;
        public TValue Value;
    }
}
