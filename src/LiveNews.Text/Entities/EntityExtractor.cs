using System.Runtime.InteropServices;
using LiveNews.Text.Tokens;

namespace LiveNews.Text.Entities;

/// <summary>
/// Finds named entities (people, places, organisations) as runs of capitalised words, with titles
/// ("President", "Foreign Minister") cut away, name particles and "of" kept inside, day and month
/// names left out. A sentence's first word counts only when the document capitalises it elsewhere
/// too or another capitalised word follows it.
/// </summary>
public static class EntityExtractor
{
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "president", "presidents", "vice", "prime", "minister", "ministers", "secretary", "foreign", "senator",
        "sen", "gen", "general", "mr", "mrs", "ms", "dr", "king", "queen", "prince", "princess", "crown",
        "chancellor", "governor", "gov", "rep", "representative", "ambassador", "spokesman", "spokeswoman",
        "spokesperson", "adviser", "advisor", "deputy", "chief", "director", "judge", "justice", "pope", "sheikh",
        "lt", "col", "capt", "sgt", "maj", "officer", "commissioner", "mayor", "leader", "envoy", "special",
        "national", "security", "defence", "defense", "interior", "finance", "economy", "head", "chairman",
        "chairwoman", "chair", "ceo", "founder", "professor", "prof", "coach", "captain", "sir", "lord", "lady",
        "dame", "saint", "former", "acting", "assistant", "associate", "executive", "senior", "top", "new",
        "state", "secretary-general", "premier", "emir", "sultan", "ayatollah", "archbishop", "bishop",
        "cardinal", "reverend", "rev", "inspector", "detective", "sergeant", "corporal", "private", "lieutenant",
        "colonel", "major", "admiral", "commander", "minority", "majority", "speaker", "attorney", "sheriff",
        "police", "officials", "official", "authorities",
    };

    [ThreadStatic]
    private static List<Token>? _run;

    [ThreadStatic]
    private static List<TokenForms>? _part;

    private static readonly HashSet<string> Calendar = new([.. CalendarWords.Days, .. CalendarWords.Months], StringComparer.Ordinal);

    /// <summary>Name particles, in any case (compared with a word's surface form, without lower-casing it).</summary>
    private static readonly HashSet<string> Connectors = new(StringComparer.OrdinalIgnoreCase)
    {
        "de", "del", "della", "da", "di", "du", "van", "von", "der", "den", "la", "le", "al", "bin", "ibn", "el",
    };

    /// <summary>
    /// Entities of one sentence's tokens. <paramref name="capitalisedElsewhere"/> holds lower-case words the
    /// document capitalises mid-sentence (decides whether a sentence-initial word is a name).
    /// </summary>
    public static List<EntityMention> Extract(IReadOnlyList<Token> tokens, IReadOnlySet<string>? capitalisedElsewhere = null)
    {
        var result = new List<EntityMention>();
        Extract(tokens, capitalisedElsewhere, result);
        return result;
    }

    /// <summary>
    /// Adds the entities of one sentence's tokens to <paramref name="result"/> (see
    /// <see cref="Extract(IReadOnlyList{Token}, IReadOnlySet{string}?)"/>), so a caller can reuse its lists.
    /// </summary>
    public static void Extract(IReadOnlyList<Token> tokens, IReadOnlySet<string>? capitalisedElsewhere, List<EntityMention> result)
    {
        ArgumentNullException.ThrowIfNull(result);

        // In a title-case line (a headline) capitals say nothing: only words the text capitalises elsewhere count.
        var titleCase = IsTitleCase(tokens);

        // The run of name words and its parts are scratch, the thread's own (a sentence at a time).
        var run = _run ??= new List<Token>(8);
        run.Clear();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (token.AfterBreak)
            {
                Flush(run, result);
            }

            var nameLike = IsNameWord(token);
            if (nameLike && titleCase && !token.IsAllCaps && !(capitalisedElsewhere?.Contains(token.Lower) ?? false))
            {
                nameLike = false;
            }
            else if (nameLike && i == 0 && !token.IsAllCaps)
            {
                var nextIsName = i + 1 < tokens.Count && IsNameWord(tokens[i + 1]);
                nameLike = nextIsName || (capitalisedElsewhere?.Contains(token.Lower) ?? false);
                if (token.IsStopWord)
                {
                    nameLike = false;
                }
            }

            if (nameLike)
            {
                run.Add(token);
                continue;
            }

            // Keep a particle inside a run when a name word follows it (Mohammed bin Salman, Ursula von der Leyen).
            if (run.Count > 0 && IsConnector(token.Forms) && !token.IsCapitalized
                && i + 1 < tokens.Count && IsNameWord(tokens[i + 1]) && !tokens[i + 1].AfterBreak)
            {
                run.Add(token);
                continue;
            }

            Flush(run, result);
        }

        Flush(run, result);
    }

    /// <summary>True when most longer words of a sentence are capitalised (a headline).</summary>
    public static bool IsTitleCase(IReadOnlyList<Token> tokens) =>
        tokens is List<Token> list ? IsTitleCase(CollectionsMarshal.AsSpan(list)) : IsTitleCase([.. tokens]);

    /// <summary>True when most longer words of a sentence are capitalised (a headline).</summary>
    public static bool IsTitleCase(ReadOnlySpan<Token> tokens)
    {
        var words = 0;
        var capitalised = 0;
        foreach (var token in tokens)
        {
            if (token.Kind != TokenKind.Word || token.Forms.Length < 4)
            {
                continue;
            }

            words++;
            if (token.IsCapitalized)
            {
                capitalised++;
            }
        }

        return words >= 4 && capitalised >= words * 0.9;
    }

    /// <summary>True when a token can be part of a name: capitalised word, not a function word, not a date word.</summary>
    public static bool IsNameWord(Token token) =>
        token.Kind == TokenKind.Word && (FlagsOf(token.Forms) & NameWordFlag) != 0;

    private const int KnownFlag = 1;
    private const int NameWordFlag = 2;
    private const int TitleFlag = 4;
    private const int ConnectorFlag = 8;

    /// <summary>What a word's forms say about names, worked out once for each form and kept on it.</summary>
    private static int FlagsOf(TokenForms forms)
    {
        var flags = forms.NameFlags;
        if (flags != 0)
        {
            return flags;
        }

        flags = KnownFlag
            | (IsNameWordForm(forms) ? NameWordFlag : 0)
            | (Titles.Contains(forms.Lower) ? TitleFlag : 0)
            | (Connectors.Contains(forms.Lower) ? ConnectorFlag : 0);
        forms.NameFlags = flags;
        return flags;
    }

    private static bool IsNameWordForm(TokenForms forms)
    {
        var text = forms.Text;
        if (text.Length == 0)
        {
            return false;
        }

        if (!char.IsUpper(text[0]))
        {
            // A name with a particle: al-Aiban, bin-Salman.
            var hyphen = text.IndexOf('-', StringComparison.Ordinal);
            return hyphen is > 0 and <= 3 && hyphen + 1 < text.Length && char.IsUpper(text[hyphen + 1]);
        }

        if (forms.IsAllCaps)
        {
            return text.Length <= 6 || !Calendar.Contains(forms.Lower);
        }

        return !Calendar.Contains(forms.Lower) && !IsNeverName(forms);
    }

    /// <summary>
    /// True for a stop word other than "us" (the US): written in lower or title case it is never part of a
    /// name, so nothing needs to learn whether it is one.
    /// </summary>
    public static bool IsNeverName(TokenForms forms)
    {
        ArgumentNullException.ThrowIfNull(forms);
        return forms.IsStopWord && forms.Lower != "us";
    }

    private static bool IsTitle(TokenForms forms) => (FlagsOf(forms) & TitleFlag) != 0;

    private static bool IsConnector(TokenForms forms) => (FlagsOf(forms) & ConnectorFlag) != 0;

    private static void Flush(List<Token> run, List<EntityMention> result)
    {
        if (run.Count == 0)
        {
            return;
        }

        var part = _part ??= new List<TokenForms>(8);
        part.Clear();
        foreach (var token in run)
        {
            if (IsTitle(token.Forms) && !token.IsAllCaps)
            {
                Emit(part, result);
                continue;
            }

            part.Add(token.Forms);
        }

        Emit(part, result);
        run.Clear();
    }

    private static void Emit(List<TokenForms> words, List<EntityMention> result)
    {
        while (words.Count > 0 && IsConnector(words[^1]))
        {
            words.RemoveAt(words.Count - 1);
        }

        while (words.Count > 0 && IsConnector(words[0]) && !words[0].IsCapitalized)
        {
            words.RemoveAt(0);
        }

        if (words.Count > 0 && words.Count <= 6)
        {
            // The words joined by spaces, in a buffer: a name seen before is looked up without a new string.
            var length = words.Count - 1;
            foreach (var word in words)
            {
                length += word.Text.Length;
            }

            if (length >= 2)
            {
                var buffer = length <= 256 ? stackalloc char[length] : new char[length];
                var at = 0;
                foreach (var word in words)
                {
                    if (at > 0)
                    {
                        buffer[at++] = ' ';
                    }

                    word.Text.CopyTo(buffer[at..]);
                    at += word.Text.Length;
                }

                var (shared, key) = EntityKeys.Shared(buffer);
                result.Add(new EntityMention(shared, key, words.Count));
            }
        }

        words.Clear();
    }
}
