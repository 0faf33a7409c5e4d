using System.Runtime.InteropServices;

namespace LiveNews.Text.Tokens;

/// <summary>
/// The tokenizer's per-thread cache of word forms: an open-addressing table whose slots carry a word's
/// first characters beside its <see cref="TokenForms"/>. A lookup of a word of up to twelve characters
/// reads one 32-byte slot (a dictionary read a bucket, an entry and the key string: three places in memory
/// that a large vocabulary keeps out of the CPU caches); a longer word keeps eleven and a mark, and
/// compares the rest with the forms' text. Slots are found by the runtime's randomised string hash, so
/// crafted words cannot make the probes long. Bounded: when it holds <see cref="Limit"/> words it starts
/// again empty. One thread only.
/// </summary>
internal sealed class WordTable
{
    /// <summary>Characters a slot holds: a word of up to this many is compared in the slot alone.</summary>
    private const int InlineChars = 12;

    /// <summary>In the last inline position, marks a longer word (never a character of a token).</summary>
    private const char LongMark = '\uFFFF';

    private const int MinCapacity = 1024;

    private Slot[] _slots = new Slot[MinCapacity];
    private int _count;

    /// <param name="limit">Words the table holds before it starts again empty.</param>
    public WordTable(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Limit = limit;
    }

    /// <summary>Words the table holds before it starts again empty.</summary>
    public int Limit { get; }

    /// <summary>Words held now.</summary>
    public int Count => _count;

    /// <summary>The forms of <paramref name="word"/>, made by <paramref name="make"/> from the word's string when not held.</summary>
    public TokenForms GetOrAdd(ReadOnlySpan<char> word, Func<string, TokenForms> make)
    {
        var key = Pack(word);
        var slots = _slots;
        var mask = slots.Length - 1;
        var at = string.GetHashCode(word) & mask;
        while (true)
        {
            ref var slot = ref slots[at];
            if (slot.Forms is null)
            {
                break;
            }

            if (slot.Key == key && (word.Length <= InlineChars || slot.Forms.Text.AsSpan(InlineChars - 1).SequenceEqual(word[(InlineChars - 1)..])))
            {
                return slot.Forms;
            }

            at = (at + 1) & mask;
        }

        var forms = make(word.ToString());
        if (_count >= Limit)
        {
            Array.Clear(_slots);
            _count = 0;
        }
        else if ((_count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        Insert(new Slot { Key = key, Forms = forms });
        _count++;
        return forms;
    }

    /// <summary>A word's first characters as a slot holds them: zero-padded, or eleven and the mark.</summary>
    private static Chars Pack(ReadOnlySpan<char> word)
    {
        var key = default(Chars);
        var chars = MemoryMarshal.Cast<Chars, char>(MemoryMarshal.CreateSpan(ref key, 1));
        if (word.Length <= InlineChars)
        {
            word.CopyTo(chars);
        }
        else
        {
            word[..(InlineChars - 1)].CopyTo(chars);
            chars[InlineChars - 1] = LongMark;
        }

        return key;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        foreach (var slot in old)
        {
            if (slot.Forms is not null)
            {
                Insert(slot);
            }
        }
    }

    private void Insert(in Slot slot)
    {
        var mask = _slots.Length - 1;
        var at = string.GetHashCode(slot.Forms!.Text) & mask;
        while (_slots[at].Forms is not null)
        {
            at = (at + 1) & mask;
        }

        _slots[at] = slot;
    }

    /// <summary>A word's first characters, compared as three numbers.</summary>
    private readonly record struct Chars(ulong A, ulong B, ulong C);

    /// <summary>One word: its first characters and its forms.</summary>
    private struct Slot
    {
        public Chars Key;
        public TokenForms? Forms;
    }
}
