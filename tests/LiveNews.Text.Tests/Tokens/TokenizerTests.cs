using LiveNews.Text.Tokens;

namespace LiveNews.Text.Tests.Tokens;

public class TokenizerTests
{
    [Fact]
    public void Tokenize_DropsPossessiveAndKeepsAcronyms()
    {
        var tokens = Tokenizer.Tokenize("Russia's U.S.-educated banker met al-Aiban in Riyadh.");
        Assert.Equal(["Russia", "US", "educated", "banker", "met", "al-Aiban", "in", "Riyadh"], tokens.Select(t => t.Text));
    }

    [Fact]
    public void Tokenize_ReadsNumbers()
    {
        var tokens = Tokenizer.Tokenize("lost $300 billion, 1,200 troops, 2.5 percent, 2016-2020");
        Assert.Equal(["300", "1200", "2.5", "2016", "2020"], tokens.Where(t => t.Kind == TokenKind.Number).Select(t => t.Lower));
    }

    [Fact]
    public void Stemmer_FoldsInflections()
    {
        Assert.Equal(Stemmer.Stem("postponing"), Stemmer.Stem("postponed"));
        Assert.Equal(Stemmer.Stem("negotiations"), Stemmer.Stem("negotiation"));
        Assert.NotEqual(Stemmer.Stem("visit"), Stemmer.Stem("vision"));
    }

    [Fact]
    public void StopWords_HoldFunctionWordsOnly()
    {
        Assert.True(StopWords.Contains("the"));
        Assert.True(StopWords.Contains("said"));
        Assert.False(StopWords.Contains("ukraine"));
    }
}
