namespace LiveNews.Text.Tokens;

/// <summary>What a token is.</summary>
public enum TokenKind : byte
{
    Word,
    Number,
}
