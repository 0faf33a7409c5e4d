namespace LiveNews.Text.Tokens;

/// <summary>A word or number of a text: its forms (shared by every occurrence), where it starts and what it is.</summary>
/// <param name="Forms">The word's forms, shared by every occurrence of it.</param>
/// <param name="Start">Where the token starts in the text.</param>
public readonly record struct Token(TokenForms Forms, int Start, TokenKind Kind)
{
    /// <summary>True when punctuation (not just space) separates it from the token before.</summary>
    public bool AfterBreak { get; init; }

    /// <summary>True when the word carried a possessive "'s" (dropped from <see cref="Text"/>).</summary>
    public bool Possessive { get; init; }

    /// <summary>The form as written.</summary>
    public string Text => Forms.Text;

    /// <summary>The lower-case form (a number's value as compared).</summary>
    public string Lower => Forms.Lower;

    /// <summary>
    /// The canonical stem of a word (<see cref="Synonyms.CanonicalStem"/> of <see cref="Lower"/>); empty for
    /// a number. The tokenizer keeps it with the word, so it is looked up once for each word it reads.
    /// </summary>
    public string Stem => Forms.Stem;

    /// <summary>True when the word carries no topic (<see cref="StopWords"/>).</summary>
    public bool IsStopWord => Forms.IsStopWord;

    /// <summary>True when the surface form starts with an upper-case letter.</summary>
    public bool IsCapitalized => Forms.IsCapitalized;

    /// <summary>True when the word has at least two letters and all of them are upper-case (NATO, US).</summary>
    public bool IsAllCaps => Forms.IsAllCaps;
}
