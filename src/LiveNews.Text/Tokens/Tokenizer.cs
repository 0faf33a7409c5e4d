using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using LiveNews.Text.Collections;

namespace LiveNews.Text.Tokens;

/// <summary>
/// Splits normalised text into word and number tokens. Possessive "'s" is dropped; hyphenated compounds
/// are split into their parts, except name particles such as "al-Aiban"; dotted acronyms (U.S.) become
/// one token (US); numbers keep their digits ("1,200" is 1200, "3.5" stays 3.5).
/// </summary>
public static class Tokenizer
{
    /// <summary>
    /// Words (and numbers) a thread's cache holds before it starts again empty: a day of news uses tens of
    /// thousands of surface forms, and at 20,000 the benchmark stream's vocabulary emptied the cache over
    /// and over (6% of the engine's time, and strings that lived long enough to cost the GC). The table is
    /// about 5 MB a thread when full, besides the forms it holds.
    /// </summary>
    private const int WordCacheLimit = 100_000;

    [ThreadStatic]
    private static SpanKeyTable<TokenForms>? _words;

    [ThreadStatic]
    private static SpanKeyTable<TokenForms>? _numbers;

    [ThreadStatic]
    private static List<PendingWord>? _pending;

    /// <summary>Tokens of <paramref name="text"/> in order.</summary>
    public static List<Token> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<Token>(text.Length / 6);
        Tokenize(text, tokens);
        return tokens;
    }

    /// <summary>
    /// Tokens of <paramref name="text"/> in order, written to <paramref name="tokens"/> (cleared first), so a
    /// caller that tokenises many texts can reuse its lists.
    /// </summary>
    public static void Tokenize(string text, List<Token> tokens)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(tokens);
        tokens.Clear();
        tokens.EnsureCapacity(text.Length / 6);

        // The thread's word cache (each word's forms, shared by every occurrence, so a known word allocates
        // nothing), read once per text rather than once per word.
        var words = _words ??= new SpanKeyTable<TokenForms>(limit: WordCacheLimit);
        var pending = _pending ??= new List<PendingWord>(64);
        pending.Clear();
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            var c = text[i];
            if (char.IsDigit(c))
            {
                i = ReadNumber(text, i, tokens);
            }
            else if (char.IsLetter(c))
            {
                i = ReadWord(text, i, tokens, words, pending);
            }
            else
            {
                i++;
            }
        }

        // The words were read with their slots in the cache asked for (see Add): their forms now, so the
        // cache misses of a text's words overlap instead of coming one after another.
        foreach (var word in pending)
        {
            var forms = words.GetOrAdd(text.AsSpan(tokens[word.Token].Start, word.Length), word.Hash, TokenForms.OfWord);
            Prefetcher.Prefetch(forms);
            tokens[word.Token] = tokens[word.Token] with { Forms = forms };
        }

        MarkBreaks(text, tokens);
    }

    /// <summary>A word whose forms are still to be looked up: its token's position, its length and the hash of its characters.</summary>
    private readonly record struct PendingWord(int Token, int Length, int Hash);

    /// <summary>Marks that end the search for what follows a token: white space (as <see cref="char.IsWhiteSpace(char)"/> has it), or punctuation that breaks a name.</summary>
    internal static readonly SearchValues<char> BreakingOrSpace = SearchValues.Create(
        [.. ",;:()\"-/!?", .. Enumerable.Range(0, char.MaxValue + 1).Select(c => (char)c).Where(char.IsWhiteSpace)]);

    /// <summary>Marks tokens separated from the one before by punctuation (a comma, a hyphen, a period).</summary>
    private static void MarkBreaks(string text, List<Token> tokens)
    {
        var all = CollectionsMarshal.AsSpan(tokens);
        for (var k = 1; k < all.Length; k++)
        {
            ref readonly var previous = ref all[k - 1];
            if (previous.Possessive)
            {
                // "Trump's Ukraine envoy": a possessive ends a name.
                all[k] = all[k] with { AfterBreak = true };
                continue;
            }

            // The end of the token as written: the first space or breaking mark after its start (its forms say
            // how far it certainly runs without one).
            var next = all[k].Start;
            var end = Math.Min(previous.Start + previous.Forms.PlainLength, next);
            var rest = text.AsSpan(end, next - end).IndexOfAny(BreakingOrSpace);
            end = rest < 0 ? next : end + rest;
            var gap = text.AsSpan(end, next - end);
            var broken = !gap.IsWhiteSpace();

            // "Sergey V. Lavrov": the period of an initial does not break a name.
            if (broken && previous.Text.Length == 1 && char.IsUpper(previous.Text[0]) && gap.Trim().SequenceEqual("."))
            {
                broken = false;
            }

            if (broken)
            {
                all[k] = all[k] with { AfterBreak = true };
            }
        }
    }

    private static int ReadNumber(string text, int start, List<Token> tokens)
    {
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsDigit(c) || ((c == ',' || c == '.') && i > start && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                i++;
            }
            else
            {
                break;
            }
        }

        // Units glued to numbers ("5km", "10th") stay with the number.
        while (i < text.Length && char.IsLetter(text[i]) && i - start < 24)
        {
            i++;
        }

        tokens.Add(new Token(Number(text.AsSpan(start, i - start)), start, TokenKind.Number));
        return i;
    }

    /// <summary>
    /// The strings of a number as written and as compared ("1,200" is 1200, "3.5" stays 3.5, "5KM" is
    /// 5km), shared by every occurrence, as words are.
    /// </summary>
    private static TokenForms Number(ReadOnlySpan<char> surface) =>
        (_numbers ??= new SpanKeyTable<TokenForms>(limit: WordCacheLimit)).GetOrAdd(surface, static text =>
        {
            var value = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (c != ',')
                {
                    value.Append(char.IsLetter(c) ? char.ToLowerInvariant(c) : c);
                }
            }

            return new TokenForms(text, value.ToString(), "", isStopWord: false);
        });

    private static int ReadWord(string text, int start, List<Token> tokens, SpanKeyTable<TokenForms> words, List<PendingWord> pending)
    {
        var i = start;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                i++;
                continue;
            }

            // Dotted acronym: U.S., U.K., a.m. (single letters separated by periods).
            if (c == '.' && i - LastSegmentStart(text, start, i) == 1
                && i + 1 < text.Length && char.IsLetter(text[i + 1])
                && (i + 2 == text.Length || text[i + 2] == '.'))
            {
                i++;
                continue;
            }

            // Name particle: al-Aiban, bin-Salman.
            if (c == '-' && i + 1 < text.Length && char.IsUpper(text[i + 1]) && IsParticle(text.AsSpan(start, i - start)))
            {
                i++;
                continue;
            }

            // Apostrophe inside a word: O'Brien keeps it; "Russia's" drops the 's.
            if (c == '\'' && i + 1 < text.Length && char.IsLetter(text[i + 1]))
            {
                var rest = i + 2 >= text.Length || !char.IsLetter(text[i + 2]);
                if (rest && (text[i + 1] is 's' or 'S'))
                {
                    Add(text, start, i, tokens, words, pending);
                    tokens[^1] = tokens[^1] with { Possessive = true };
                    return i + 2;
                }

                if (rest && (text[i + 1] is 't' or 'd' or 'm'))
                {
                    Add(text, start, i, tokens, words, pending);
                    return i + 2;
                }

                i++;
                continue;
            }

            break;
        }

        // A dotted acronym's trailing period belongs to it (U.S.).
        if (i < text.Length && text[i] == '.' && CountDots(text, start, i) > 0 && i - LastSegmentStart(text, start, i) == 1)
        {
            i++;
        }

        Add(text, start, i, tokens, words, pending);
        return i;
    }

    private static int LastSegmentStart(string text, int start, int end)
    {
        var dot = text.LastIndexOf('.', end - 1, end - start);
        return dot < 0 ? start : dot + 1;
    }

    private static int CountDots(string text, int start, int end)
    {
        var dots = 0;
        for (var k = start; k < end; k++)
        {
            if (text[k] == '.')
            {
                dots++;
            }
        }

        return dots;
    }

    private static bool IsParticle(ReadOnlySpan<char> word) =>
        word.Equals("al", StringComparison.OrdinalIgnoreCase) || word.Equals("el", StringComparison.OrdinalIgnoreCase)
        || word.Equals("bin", StringComparison.OrdinalIgnoreCase) || word.Equals("ibn", StringComparison.OrdinalIgnoreCase)
        || word.Equals("abu", StringComparison.OrdinalIgnoreCase) || word.Equals("ben", StringComparison.OrdinalIgnoreCase);

    private static void Add(string text, int start, int end, List<Token> tokens, SpanKeyTable<TokenForms> words, List<PendingWord> pending)
    {
        if (end <= start)
        {
            return;
        }

        var surface = text.AsSpan(start, end - start);
        if (surface.Contains('.'))
        {
            var plain = surface.ToString().Replace(".", "", StringComparison.Ordinal);
            if (plain.Length > 0)
            {
                tokens.Add(new Token(TokenForms.OfWord(plain), start, TokenKind.Word));
            }

            return;
        }

        // Its forms are looked up once the whole text is read (Tokenize); meanwhile the processor is asked for its slot.
        var hash = SpanKeyTable.HashOf(surface);
        words.Prefetch(hash);
        pending.Add(new PendingWord(tokens.Count, surface.Length, hash));
        tokens.Add(new Token(null!, start, TokenKind.Word));
    }
}
