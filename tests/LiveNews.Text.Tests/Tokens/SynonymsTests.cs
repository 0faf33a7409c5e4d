using LiveNews.Text.Tokens;

namespace LiveNews.Text.Tests.Tokens;

public class SynonymsTests
{
    [Theory]
    [InlineData("postponed", "delayed")]
    [InlineData("visit", "trip")]
    [InlineData("negotiations", "talks")]
    [InlineData("detained", "arrested")]
    [InlineData("ceasefire", "truce")]
    public void CanonicalStem_FoldsParaphrases(string a, string b)
    {
        Assert.Equal(Synonyms.CanonicalStem(a), Synonyms.CanonicalStem(b));
    }

    [Fact]
    public void CanonicalStem_KeepsOtherWordsApart()
    {
        Assert.NotEqual(Synonyms.CanonicalStem("postponed"), Synonyms.CanonicalStem("cancelled"));
        Assert.Equal(Stemmer.Stem("ukraine"), Synonyms.CanonicalStem("ukraine"));
    }
}
