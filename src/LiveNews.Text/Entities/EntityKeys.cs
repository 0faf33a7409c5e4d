using System.Globalization;
using System.Text;
using LiveNews.Text.Collections;

namespace LiveNews.Text.Entities;

/// <summary>
/// Alias keys for names: spelling variants of one name map to one key. Each word is folded to a
/// consonant skeleton (first letter, then consonants, doubled letters once, y/w/h treated as vowels
/// after the first letter), so Zelensky/Zelenskyy, Sergey/Sergei and Musaad/Musaed agree; common
/// given-name forms are folded first (Mike/Michael, Bill/William).
/// </summary>
public static class EntityKeys
{
    private static readonly Dictionary<string, string> GivenNames = new(StringComparer.Ordinal)
    {
        ["mike"] = "michael", ["mick"] = "michael", ["bill"] = "william", ["will"] = "william", ["billy"] = "william",
        ["bob"] = "robert", ["rob"] = "robert", ["bobby"] = "robert", ["jim"] = "james", ["jimmy"] = "james",
        ["joe"] = "joseph", ["tom"] = "thomas", ["tommy"] = "thomas", ["dick"] = "richard", ["rick"] = "richard",
        ["dan"] = "daniel", ["danny"] = "daniel", ["dave"] = "david", ["steve"] = "steven", ["stephen"] = "steven",
        ["chris"] = "christopher", ["tony"] = "anthony", ["andy"] = "andrew", ["ben"] = "benjamin",
        ["ed"] = "edward", ["ted"] = "edward", ["jon"] = "jonathan", ["nick"] = "nicholas", ["pat"] = "patrick",
        ["sam"] = "samuel", ["alex"] = "alexander", ["aleksandr"] = "alexander", ["alexandr"] = "alexander",
        ["liz"] = "elizabeth", ["beth"] = "elizabeth", ["kate"] = "katherine", ["catherine"] = "katherine",
        ["jen"] = "jennifer", ["matt"] = "matthew", ["greg"] = "gregory", ["jeff"] = "jeffrey",
        ["geoffrey"] = "jeffrey", ["larry"] = "lawrence", ["jerry"] = "gerald", ["vlad"] = "vladimir",
        ["volodymyr"] = "vladimir", ["mohammed"] = "muhammad", ["mohammad"] = "muhammad", ["mohamed"] = "muhammad",
        ["muhammed"] = "muhammad",
    };

    private const int CacheLimit = 100_000;

    [ThreadStatic]
    private static SpanKeyTable<(string Name, string Key)>? _cache;

    /// <summary>The alias key of a whole name (words separated by spaces).</summary>
    public static string ForName(string name) => Shared(name).Key;

    /// <summary>
    /// The name and its alias key as this thread first saw them: every later mention of the name shares
    /// those two strings, so the stories that keep them (entity names and counts) hold one copy each.
    /// </summary>
    public static (string Name, string Key) Shared(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Shared(name.AsSpan(), name);
    }

    /// <summary>
    /// <see cref="Shared(string)"/> for a name given as characters: a name this thread has seen allocates
    /// nothing (the entity extractor joins a run's words into a buffer and looks it up so).
    /// </summary>
    public static (string Name, string Key) Shared(ReadOnlySpan<char> name) => Shared(name, null);

    private static (string Name, string Key) Shared(ReadOnlySpan<char> span, string? name)
    {
        if (span.IsEmpty)
        {
            // Not kept: the cache's keys are never empty.
            return (name ?? "", Compute(name ?? ""));
        }

        var cache = _cache ??= new SpanKeyTable<(string, string)>(limit: CacheLimit);
        var hash = SpanKeyTable.HashOf(span);
        if (cache.TryGetValue(span, hash, out var cached))
        {
            return cached;
        }

        name ??= span.ToString();
        var entry = (name, Compute(name));
        cache.GetValueRefOrAddDefault(name, hash, out _) = entry;
        return entry;
    }

    private static string Compute(string name)
    {
        var folded = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Fold));
        var alias = NameAliases.Resolve(folded);
        if (!ReferenceEquals(alias, folded))
        {
            return string.Join(' ', alias.Split(' ').Select(ForWord));
        }

        // Initials in the middle of a longer name carry no identity: Sergey V. Lavrov is Sergey Lavrov.
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length >= 3)
        {
            words = words.Where((w, i) => i == 0 || i == words.Length - 1 || w.Length > 1).ToArray();
        }

        var sb = new StringBuilder(name.Length);
        foreach (var word in words)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(ForWord(word));
        }

        return sb.ToString();
    }

    /// <summary>The alias key of one word of a name.</summary>
    public static string ForWord(string word)
    {
        var folded = Fold(word);
        if (GivenNames.TryGetValue(folded, out var canonical))
        {
            folded = canonical;
        }

        if (folded.Length <= 3 || (folded.Length <= 5 && IsAcronym(word)))
        {
            return folded;
        }

        var sb = new StringBuilder(folded.Length);
        var last = '\0';
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (i == 0)
            {
                sb.Append(c);
                last = c;
                continue;
            }

            if (c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' or 'h' or 'w' or '-' or '\'')
            {
                last = '\0';
                continue;
            }

            // ks/x, ph/f style variants are rare enough in news names to leave out.
            if (c == last)
            {
                continue;
            }

            sb.Append(c);
            last = c;
        }

        return sb.ToString();
    }

    /// <summary>Lower case, diacritics removed, only letters, digits, hyphens.</summary>
    public static string Fold(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c == '-')
            {
                sb.Append('-');
            }
        }

        return sb.ToString();
    }

    private static bool IsAcronym(string word)
    {
        foreach (var c in word)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}
