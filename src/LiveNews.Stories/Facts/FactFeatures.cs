using System.IO.Hashing;
using System.Runtime.InteropServices;
using LiveNews.Stories.Analysis;

namespace LiveNews.Stories.Facts;

/// <summary>
/// A fact's fingerprint as numbers: each content stem, entity (by its last word: "Zelensky" is "Volodymyr
/// Zelensky") and figure becomes a stable 32-bit feature whose two low bits say which of the three it is.
/// A known fact keeps one sorted array of them instead of three arrays of strings, and compares by
/// binary search instead of string equality. Stable across processes (XxHash32 of the UTF-16 text), so
/// the features can be stored; two different words sharing a feature only makes one word look known,
/// about once in a billion comparisons.
/// </summary>
public static class FactFeatures
{
    private const int KindBits = 3;

    public const int StemKind = 0;
    public const int EntityKind = 1;
    public const int NumberKind = 2;

    /// <summary>The feature of a content stem.</summary>
    public static int Stem(string stem) => Make(stem, StemKind);

    /// <summary>The feature of an entity key: its last word, as facts compare names.</summary>
    public static int Entity(string key) => Make(LastWord(key), EntityKind);

    /// <summary>The feature of a figure.</summary>
    public static int Number(string number) => Make(number, NumberKind);

    /// <summary>Which of stem, entity or number a feature is.</summary>
    public static int KindOf(int feature) => feature & KindBits;

    /// <summary>True for what a fact is about (a stem or an entity); figures are compared once a fact is found.</summary>
    public static bool IsContent(int feature) => KindOf(feature) != NumberKind;

    /// <summary>
    /// What a sentence is about, for containment: a feature per stem and per entity, in that order (two
    /// entities with one last word count twice, as they always did). Figures are not part of it.
    /// </summary>
    public static int[] Content(SentenceUnit sentence)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var features = new int[sentence.Stems.Length + sentence.Entities.Length];
        Content(sentence, features);
        return features;
    }

    /// <summary>
    /// Writes a sentence's <see cref="Content(SentenceUnit)"/> to the start of <paramref name="destination"/>
    /// (as long as its stems and entities together) and returns how many were written.
    /// </summary>
    public static int Content(SentenceUnit sentence, Span<int> destination)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        var stems = sentence.Stems;
        var entities = sentence.Entities;
        var count = stems.Length + entities.Length;
        if (destination.Length < count)
        {
            throw new ArgumentException("destination must hold a feature for every stem and entity", nameof(destination));
        }

        for (var i = 0; i < stems.Length; i++)
        {
            destination[i] = Stem(stems[i]);
        }

        for (var i = 0; i < entities.Length; i++)
        {
            destination[stems.Length + i] = Entity(entities[i]);
        }

        return count;
    }

    /// <summary>All features of a sentence (content and figures), sorted and distinct: what a known fact keeps.</summary>
    public static int[] Of(SentenceUnit sentence) => Of(Content(sentence), sentence.Numbers);

    /// <summary>The features a known fact keeps, from a sentence's <see cref="Content"/> and its figures.</summary>
    public static int[] Of(ReadOnlySpan<int> content, string[] numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        var all = new int[content.Length + numbers.Length];
        content.CopyTo(all);
        for (var i = 0; i < numbers.Length; i++)
        {
            all[content.Length + i] = Number(numbers[i]);
        }

        return SortedDistinct(all);
    }

    /// <summary>The content features (stems and entities) of a known fact's sorted features.</summary>
    public static int[] ContentOf(int[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return Array.FindAll(features, IsContent);
    }

    /// <summary>True when the sorted <paramref name="features"/> hold <paramref name="feature"/>.</summary>
    public static bool Contains(int[] features, int feature) => features.AsSpan().BinarySearch(feature) >= 0;

    /// <summary>Sorts and removes repeats, in place where it can.</summary>
    public static int[] SortedDistinct(int[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Length < 2)
        {
            return features;
        }

        Array.Sort(features);
        var n = 1;
        for (var i = 1; i < features.Length; i++)
        {
            if (features[i] != features[n - 1])
            {
                features[n++] = features[i];
            }
        }

        return n == features.Length ? features : features[..n];
    }

    /// <summary>The last word of an entity key.</summary>
    public static ReadOnlySpan<char> LastWord(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var space = key.LastIndexOf(' ');
        return space < 0 ? key : key.AsSpan(space + 1);
    }

    /// <summary>A stable key for a quote: its letters and digits, lower-cased, hashed (a changed quote is news).</summary>
    public static int Quote(string quote)
    {
        ArgumentNullException.ThrowIfNull(quote);
        Span<char> buffer = quote.Length <= 512 ? stackalloc char[quote.Length] : new char[quote.Length];
        var n = 0;
        foreach (var c in quote)
        {
            if (char.IsLetterOrDigit(c))
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return (int)XxHash32.HashToUInt32(MemoryMarshal.AsBytes(buffer[..n]));
    }

    private static int Make(ReadOnlySpan<char> text, int kind) =>
        (int)(XxHash32.HashToUInt32(MemoryMarshal.AsBytes(text), seed: kind) & ~(uint)KindBits) | kind;
}
