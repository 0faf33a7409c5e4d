using LiveNews.Text.Collections;

namespace LiveNews.Text.Entities;

/// <summary>
/// Learns online which words are names: a word written capitalised in the middle of sentences and
/// (almost) never in lower case is a name, so it counts as one even where it opens a sentence or
/// stands in a headline-only item ("Zelenskyy postpones ..."). Bounded: at most <see cref="MaxWords"/> words.
/// Not thread-safe: one owner.
/// </summary>
public sealed class NameLexicon
{
    public const int MaxWords = 300_000;

    // Looked up for every word of every article: a table that finds a word in one read (SpanKeyTable).
    private readonly SpanKeyTable<(int Capitalised, int Lower)> _counts = new();

    /// <summary>Counts a word seen in the middle of a sentence, capitalised or not.</summary>
    public void Observe(string lowerWord, bool capitalised) => Observe(lowerWord, HashOf(lowerWord), capitalised);

    /// <summary>
    /// <see cref="Observe(string, bool)"/> with the word's <see cref="HashOf"/> worked out before: a caller
    /// with many words asks for each one's place first (<see cref="Prefetch"/>), then counts them.
    /// </summary>
    public void Observe(string lowerWord, int hash, bool capitalised)
    {
        if (string.IsNullOrEmpty(lowerWord) || (_counts.Count >= MaxWords && !_counts.TryGetValue(lowerWord, hash, out _)))
        {
            return;
        }

        // One lookup for the read and the write (this runs for every word of every article).
        ref var c = ref _counts.GetValueRefOrAddDefault(lowerWord, hash, out _);
        c = capitalised ? (c.Capitalised + 1, c.Lower) : (c.Capitalised, c.Lower + 1);
    }

    /// <summary>Where a word is looked for.</summary>
    public static int HashOf(string lowerWord) => SpanKeyTable.HashOf(lowerWord);

    /// <summary>Starts loading where a word with this hash is counted, so the counts of many words wait for memory together.</summary>
    public void Prefetch(int hash) => _counts.Prefetch(hash);

    /// <summary>True when the word has been seen as a name and hardly ever as a common word.</summary>
    public bool IsName(string lowerWord) =>
        _counts.TryGetValue(lowerWord, out var c) && c.Capitalised >= 2 && c.Capitalised > 4 * c.Lower;
}
