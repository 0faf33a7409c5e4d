using LiveNews.Text.Collections;

namespace LiveNews.Text.Tokens;

/// <summary>
/// What every occurrence of one word (or number) shares: its surface and lower-case forms, its canonical
/// stem and whether it is a stop word. The tokenizer keeps one per surface form it reads, so a token is
/// a reference to these and where it stands.
/// </summary>
/// <param name="text">The form as written (a possessive "'s" dropped; a dotted acronym without its dots).</param>
/// <param name="lower">The lower-case form (for a number, its value as compared: "1,200" is 1200).</param>
/// <param name="stem">The canonical stem of a word (<see cref="Synonyms.CanonicalStem"/> of the lower-case form); empty for a number.</param>
/// <param name="isStopWord">True when the word carries no topic (<see cref="StopWords"/>).</param>
public sealed class TokenForms(string text, string lower, string stem, bool isStopWord)
{
    public string Text { get; } = text;

    public string Lower { get; } = lower;

    public string Stem { get; } = stem;

    public bool IsStopWord { get; } = isStopWord;

    /// <summary>
    /// <see cref="SpanKeyTable.HashOf"/> of <see cref="Lower"/>, worked out once for the form: the name lexicon
    /// looks up every word of every article by it, and this saves reading the string again to hash it.
    /// </summary>
    public int LowerHash { get; } = SpanKeyTable.HashOf(lower);

    /// <summary>The length of the form as written (kept here, so that asking for it does not read the string).</summary>
    public int Length { get; } = text.Length;

    /// <summary>True when the form as written starts with an upper-case letter.</summary>
    public bool IsCapitalized { get; } = text.Length > 0 && char.IsUpper(text[0]);

    /// <summary>True when the form has at least two letters and all of them are upper-case (NATO, US).</summary>
    public bool IsAllCaps { get; } = AllCaps(text);

    /// <summary>
    /// What the entity extractor has found out about this form (whether it can be part of a name, is a title
    /// or a particle), worked out on its first use and kept here, so every later occurrence is a field read
    /// rather than set lookups. Zero until then; any thread that works it out writes the same value.
    /// </summary>
    internal int NameFlags { get; set; }

    /// <summary>
    /// How many characters of a token of this form the tokenizer can step over when it looks for the punctuation
    /// after the token: the whole form, unless the form itself holds a space or a breaking mark (a number's
    /// comma, a particle's hyphen), where the search must stop as it always did.
    /// </summary>
    internal int PlainLength { get; } = text.AsSpan().IndexOfAny(Tokenizer.BreakingOrSpace) < 0 ? text.Length : 0;

    private static bool AllCaps(string text)
    {
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                if (!char.IsUpper(c))
                {
                    return false;
                }

                letters++;
            }
        }

        return letters >= 2;
    }

    /// <summary>The forms of a word as written.</summary>
    public static TokenForms OfWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var lower = word.ToLowerInvariant();
        return new TokenForms(word, lower, Synonyms.CanonicalStem(lower), StopWords.Contains(lower));
    }
}
