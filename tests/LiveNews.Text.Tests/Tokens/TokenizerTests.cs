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

    [Fact]
    public void Tokenize_KeepsEachWordsCanonicalStemAndStopWordMark()
    {
        var tokens = Tokenizer.Tokenize("Zelensky POSTPONED his U.S. trip, delaying 3 talks");
        Assert.All(tokens.Where(t => t.Kind == TokenKind.Word), t => Assert.Equal(Synonyms.CanonicalStem(t.Lower), t.Stem));
        Assert.Equal(Synonyms.CanonicalStem("visit"), tokens[4].Stem);
        Assert.Equal(tokens[1].Stem, tokens[5].Stem);
        Assert.Equal("", tokens[6].Stem);
        Assert.Equal([false, false, true, true, false, false, false, false], tokens.Select(t => t.IsStopWord));

        // The same word read again (now from the tokenizer's cache) carries the same stem.
        Assert.Equal(tokens[1].Stem, Tokenizer.Tokenize("postponed")[0].Stem);
        Assert.Equal(Synonyms.CanonicalStem("delaying"), tokens[5].Stem);
    }
}
