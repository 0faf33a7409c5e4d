using System.Runtime.InteropServices;

namespace LiveNews.Text.Collections;

/// <summary>
/// A string-keyed table for large vocabularies read once per word (the tokenizer's word cache, a matcher's
/// term ids, the name lexicon): open addressing, each slot holding a key's first characters beside its
/// value. Finding a key of up to twelve characters reads one slot; a <see cref="Dictionary{TKey, TValue}"/>
/// reads a bucket, an entry and the key string, three places in memory that a vocabulary of tens of
/// thousands of words keeps out of the CPU caches. A longer key keeps eleven characters and a mark in its
/// slot and is compared in full with the key string, kept apart. Slots are found by the runtime's
/// randomised string hash, so crafted keys cannot make the probes long. Keys are never empty; nothing is
/// removed but everything can be cleared. Not thread-safe.
/// </summary>
/// <typeparam name="TValue">What each key maps to.</typeparam>
public sealed class SpanKeyTable<TValue>
{
    /// <summary>Characters a slot holds: a key of up to this many is compared in the slot alone.</summary>
    private const int InlineChars = 12;

    /// <summary>In the last inline position, marks a key compared in full (a longer one, or one holding NUL or this character).</summary>
    private const char LongMark = '\uFFFF';

    private const int MinCapacity = 64;

    private Slot[] _slots;
    private string?[] _keys;
    private int _count;

    /// <param name="capacity">Keys it can hold before it first grows.</param>
    public SpanKeyTable(int capacity = 0)
    {
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
    public bool TryGetValue(ReadOnlySpan<char> key, out TValue value)
    {
        var at = Find(key, Pack(key), out var found);
        value = found ? _slots[at].Value : default!;
        return found;
    }

    /// <summary>True when <paramref name="key"/> is held.</summary>
    public bool ContainsKey(ReadOnlySpan<char> key) => TryGetValue(key, out _);

    /// <summary>
    /// A reference to the value of <paramref name="key"/>, added with the default value when missing
    /// (<paramref name="exists"/> says which). The reference is good until the table next changes.
    /// </summary>
    public ref TValue GetValueRefOrAddDefault(string key, out bool exists)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var packed = Pack(key);
        var at = Find(key, packed, out exists);
        if (!exists)
        {
            at = Add(key, packed);
        }

        return ref _slots[at].Value;
    }

    /// <summary>The value of <paramref name="key"/>, made by <paramref name="make"/> from the key's string and added when missing.</summary>
    public TValue GetOrAdd(ReadOnlySpan<char> key, Func<string, TValue> make)
    {
        ArgumentNullException.ThrowIfNull(make);
        var packed = Pack(key);
        var at = Find(key, packed, out var found);
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
        var added = Add(name, packed); // may grow the table: index the new slots
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

    private int Find(ReadOnlySpan<char> key, in Chars packed, out bool found)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var at = string.GetHashCode(key) & mask;
        var whole = IsWhole(key);
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

    private int Add(string key, in Chars packed)
    {
        // At most three slots in four used: a found key is one or two slots from where its hash points.
        if ((_count + 1) * 4 > _slots.Length * 3)
        {
            Grow();
        }

        var at = FreeSlot(key);
        _slots[at].Key = packed;
        _keys[at] = key;
        _count++;
        return at;
    }

    private int FreeSlot(string key)
    {
        var mask = _slots.Length - 1;
        var at = string.GetHashCode(key) & mask;
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
                var at = FreeSlot(key);
                _slots[at] = slots[i];
                _keys[at] = key;
            }
        }
    }

    /// <summary>True when a key is told apart by its slot alone: at most twelve characters, none of them NUL or the mark.</summary>
    private static bool IsWhole(ReadOnlySpan<char> key) => key.Length <= InlineChars && key.IndexOfAny('\0', LongMark) < 0;

    /// <summary>A key's first characters as a slot holds them: a whole key zero-padded, any other its first eleven and the mark.</summary>
    private static Chars Pack(ReadOnlySpan<char> key)
    {
        var packed = default(Chars);
        var chars = MemoryMarshal.Cast<Chars, char>(MemoryMarshal.CreateSpan(ref packed, 1));
        if (IsWhole(key))
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
