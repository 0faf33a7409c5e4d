using LiveNews.Stories.Analysis;

namespace LiveNews.Stories.Tests.Analysis;

public class ArticleAnalyzerHeadlineTests
{
    // ECB+ (ecbplus-dev, ecbd0018): the second of two Chargers players arrested for drunk driving within a
    // month. The body names both; the headline names the one this article is about.
    private const string Text = """
        Charger Jamal Williams arrested on suspicion of DUI

        For the second time in less than a month, a member of the San Diego Chargers has been arrested on suspicion of drunk driving.

        According to the California Highway Patrol, defensive tackle Jamal Williams was arrested on suspicion of drunken driving last weekend on a freeway outside downtown.

        Williams, who was booked into county jail and later released on bail, did give a blood sample for a blood - alcohol test.

        Just last month, wide receiver Vincent Jackson, who was on probation for a previous DUI arrest, was pulled over for investigation of DUI.
        """;

    private static AnalysedArticle Analyse(float headlineEntityWeight) =>
        new ArticleAnalyzer(new StoryEngineOptions { HeadlineEntityWeight = headlineEntityWeight })
            .Analyze(new ArticleInput { Id = "ecbd0018", Source = "examiner", Text = Text });

    /// <summary>The term of the entity the article calls <paramref name="name"/> (terms are alias keys).</summary>
    private static string EntityTerm(AnalysedArticle article, string name) =>
        ArticleAnalyzer.EntityFeature(article.EntityNames.Single(e => e.Value == name).Key);

    [Fact]
    public void Analyze_EntityTheHeadlineNames_WeighsMore()
    {
        var plain = Analyse(0);
        var weighted = Analyse(2);

        Assert.Equal("Charger Jamal Williams arrested on suspicion of DUI", weighted.Headline);
        var williams = EntityTerm(plain, "Jamal Williams");
        var jackson = EntityTerm(plain, "Vincent Jackson");

        Assert.Equal(plain.Terms[williams] + 2, weighted.Terms[williams], 3);
        Assert.Equal(plain.Terms[jackson], weighted.Terms[jackson], 3);
    }

    [Fact]
    public void Analyze_DefaultOptions_NameTheHeadlinesPeopleAboveTheBackgrounds()
    {
        var article = new ArticleAnalyzer().Analyze(new ArticleInput { Id = "ecbd0018", Source = "examiner", Text = Text });

        var williams = article.Terms[EntityTerm(article, "Jamal Williams")];
        var jackson = article.Terms[EntityTerm(article, "Vincent Jackson")];
        Assert.True(williams > 2 * jackson, $"Williams {williams}, Jackson {jackson}");
    }

    [Theory]
    // ECB+ captures whose title is their address: the headline is the first line, in sentence case, and
    // the place-and-date line under it is not.
    [InlineData("Indian Navy foils attack in Gulf of Aden, nabs 26 pirates\n\nMumbai, Nov 11 -\n\nIndian Navy patrolling the Gulf of Aden yesterday thwarted a multi - boat attack by sea brigands on merchant vessels, apprehending 26 Somali pirates.", "Indian Navy foils attack in Gulf of Aden, nabs 26 pirates")]
    [InlineData("Obama nominates rural Catholic doctor as Surgeon General\n\nWashington D. C., Jul 13, 2009 / 02: 00 pm (CNA)\n\nPresident Barack Obama has announced that he is nominating a rural Alabama Catholic doctor to be the U. S. Surgeon General.", "Obama nominates rural Catholic doctor as Surgeon General")]
    public void Analyze_AddressForATitle_TakesTheFirstLineAsHeadline_NotTheDateline(string text, string headline)
    {
        var article = new ArticleAnalyzer().Analyze(new ArticleInput
        {
            Id = "ecb",
            Source = "ecb",
            Title = "http: / / www. example. com / news / 140085 - indian - navy",
            Text = text,
        });

        Assert.Equal(headline, article.Headline);
    }

    [Fact]
    public void Analyze_TextOpeningWithADateline_SkipsItForTheHeadline()
    {
        var article = new ArticleAnalyzer().Analyze(new ArticleInput
        {
            Id = "dateline",
            Source = "wire",
            Text = "Mumbai, Nov 11 -\n\nIndian Navy Foils Pirate Attack In Gulf Of Aden\n\nThe Indian Navy said on Friday it had thwarted an attack by pirates on merchant vessels in the Gulf of Aden.",
        });

        Assert.Equal("Indian Navy Foils Pirate Attack In Gulf Of Aden", article.Headline);
    }
}
