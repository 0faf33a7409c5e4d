namespace LiveNews.Text.Tokens;

/// <summary>
/// What every occurrence of one word (or number) shares: its surface and lower-case forms, its canonical
/// stem and whether it is a stop word. The tokenizer keeps one per surface form it reads, so a token is
/// a reference to these and where it stands.
/// </summary>
public sealed class TokenForms
{
    public TokenForms(string text, string lower, string stem, bool isStopWord)
    {
        Text = text;
        Lower = lower;
        Stem = stem;
        IsStopWord = isStopWord;
    }

    /// <summary>The form as written (a possessive "'s" dropped; a dotted acronym without its dots).</summary>
    public string Text { get; }

    /// <summary>The lower-case form (for a number, its value as compared: "1,200" is 1200).</summary>
    public string Lower { get; }

    /// <summary>The canonical stem of a word (<see cref="Synonyms.CanonicalStem"/> of <see cref="Lower"/>); empty for a number.</summary>
    public string Stem { get; }

    /// <summary>True when the word carries no topic (<see cref="StopWords"/>).</summary>
    public bool IsStopWord { get; }

    /// <summary>The forms of a word as written.</summary>
    public static TokenForms OfWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var lower = word.ToLowerInvariant();
        return new TokenForms(word, lower, Synonyms.CanonicalStem(lower), StopWords.Contains(lower));
    }
}
