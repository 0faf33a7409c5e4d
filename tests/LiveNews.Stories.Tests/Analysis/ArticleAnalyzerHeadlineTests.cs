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

    /// <summary>An untitled text as a feed would send it, analysed with the default options.</summary>
    private static AnalysedArticle Untitled(string id, string source, string text) =>
        new ArticleAnalyzer().Analyze(new ArticleInput { Id = id, Source = source, Text = text });

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
        var article = Untitled("ecbd0018", "examiner", Text);

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
    public void Analyze_HeadlineGluedToItsStandfirst_TakesTheHeadlineAlone()
    {
        // Seed 002 (nytimes-preview): the scraped page runs the headline into the standfirst on one line.
        var article = Untitled(
            "002",
            "nytimes-preview",
            "U.S. and Russia Pursue Partnership in a Head-Spinning Shift in Relations The two sides met in Saudi Arabia for their most extensive discussions in years. In addition to Ukraine, business ties were on the table.\n\nSecretary of State Marco Rubio and his Russian counterpart, Sergey V. Lavrov, agreed to restore their embassies.");

        Assert.Equal("U.S. and Russia Pursue Partnership in a Head-Spinning Shift in Relations", article.Headline);
        Assert.StartsWith("The two sides met in Saudi Arabia", article.Sentences[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    // Seed 004 (Reuters) has no headline line: its first sentence stands in, without the wire dateline.
    [InlineData("RIYADH (Reuters): US and Russian officials met on Tuesday in Riyadh for the most significant talks to date.", "US and Russian officials met on Tuesday in Riyadh for the most significant talks to date.")]
    [InlineData("MOSCOW, Feb 18 (Reuters) - Russia said on Tuesday that the talks in Riyadh had gone well.", "Russia said on Tuesday that the talks in Riyadh had gone well.")]
    [InlineData("KYIV, Ukraine (AP) — Ukraine's president postponed his visit to Saudi Arabia on Tuesday.", "Ukraine's president postponed his visit to Saudi Arabia on Tuesday.")]
    [InlineData("US and Russian officials met on Tuesday in Riyadh (Saudi Arabia) for talks on ending the war.", "US and Russian officials met on Tuesday in Riyadh (Saudi Arabia) for talks on ending the war.")]
    [InlineData("NATO - Russia talks (the first in years) were held in Brussels on Tuesday, officials said.", "NATO - Russia talks (the first in years) were held in Brussels on Tuesday, officials said.")]
    public void Analyze_NoHeadlineLine_TakesTheFirstSentenceWithoutItsWireDateline(string text, string headline)
    {
        var article = Untitled("wire", "wire", text + "\n\nThe two delegations will meet again next week, a spokesman for the foreign ministry said on Wednesday.");

        Assert.Equal(headline, article.Headline);
    }

    [Theory]
    // Sentences that open with capitalised names, or a title-case run followed by more names, are not glued headlines.
    [InlineData("U.S. Secretary of State Marco Rubio said The talks in Riyadh were positive and would go on next week.")]
    [InlineData("Russian Foreign Minister Sergey Lavrov And Secretary Of State Marco Rubio met in Riyadh on Tuesday for talks.")]
    [InlineData("Ukraine Angered As Russia And America Meet The White House Said On Tuesday That Talks Would Go On.")]
    [InlineData("President Volodymyr Zelensky of Ukraine reacted angrily to Tuesday's meeting, saying he was postponing his own visit.")]
    public void GluedHeadlineLength_OrdinarySentences_FindsNone(string line) =>
        Assert.Equal(0, ArticleAnalyzer.GluedHeadlineLength(line));

    [Fact]
    public void Analyze_TextOpeningWithADateline_SkipsItForTheHeadline()
    {
        var article = Untitled("dateline", "wire", "Mumbai, Nov 11 -\n\nIndian Navy Foils Pirate Attack In Gulf Of Aden\n\nThe Indian Navy said on Friday it had thwarted an attack by pirates on merchant vessels in the Gulf of Aden.");

        Assert.Equal("Indian Navy Foils Pirate Attack In Gulf Of Aden", article.Headline);
    }
}
