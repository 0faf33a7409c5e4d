using LiveNews.Text.Furniture;

namespace LiveNews.Text.Tests.Furniture;

public class FurnitureFilterTests
{
    [Theory]
    [InlineData("ADVERTISEMENT", FurnitureKind.Advertisement)]
    [InlineData("SKIP ADVERTISEMENT", FurnitureKind.Advertisement)]
    [InlineData("Advertisment ad adsense adlogger", FurnitureKind.Advertisement)]
    [InlineData("You have been granted access, use your keyboard to continue reading.", FurnitureKind.Paywall)]
    [InlineData("You have a preview view of this article while we are checking your access. When we have confirmed access, the full article content will load.", FurnitureKind.Paywall)]
    [InlineData("Thank you for your patience while we verify access.", FurnitureKind.Paywall)]
    [InlineData("Already a subscriber? Log in.", FurnitureKind.Paywall)]
    [InlineData("Want all of The Times? Subscribe.", FurnitureKind.Subscribe)]
    [InlineData("Want to stay updated on what's happening in Israel and the West Bank and Gaza Strip? , and we'll send our latest coverage to your inbox.", FurnitureKind.Subscribe)]
    [InlineData("Sign up for Your Places: Global Update. All the latest news for any part of the world you select.", FurnitureKind.Subscribe)]
    [InlineData("About WN", FurnitureKind.About)]
    [InlineData("Check Also", FurnitureKind.LinkBlock)]
    [InlineData("Andrew E. Kramer and Maria Varenikova contributed reporting from Kyiv, Ukraine.", FurnitureKind.ContributedReporting)]
    [InlineData("The New York Times Services", FurnitureKind.Byline)]
    [InlineData("The New York Times 2025-02-19 00:11:08", FurnitureKind.Byline)]
    [InlineData("transcript", FurnitureKind.VideoTranscript)]
    [InlineData("Video", FurnitureKind.VideoTranscript)]
    [InlineData("Photo: Evelyn Hockstein/Reuters", FurnitureKind.PhotoCredit)]
    public void Classify_RecognisesSeedFurniture(string line, FurnitureKind expected)
    {
        Assert.Equal(expected, FurnitureFilter.Classify(line));
    }

    [Theory]
    [InlineData("President Volodymyr Zelensky of Ukraine reacted angrily to Tuesday's meeting, saying he was postponing his own planned visit to Saudi Arabia.")]
    [InlineData("Russia said Lavrov and Rubio in a call on Saturday discussed removing barriers to trade and investment between the two countries.")]
    [InlineData("About 40 people were killed in the attack.")]
    [InlineData("Initial contact")]
    public void Classify_LeavesNewsAlone(string line)
    {
        Assert.Equal(FurnitureKind.None, FurnitureFilter.Classify(line));
    }

    [Fact]
    public void Clean_DropsTheLinkBlockToTheEnd()
    {
        var page = PageCleaner.Clean("Body sentence one.\n\nAbout WN\n\nCheck Also\n\nMitch McConnell announes he will not run\n\nUS Senator Mitch McConnell has announced …");
        Assert.Equal(["Body sentence one."], page.Paragraphs);
        Assert.Contains(page.Removed, r => r.Kind == FurnitureKind.LinkBlock && r.Line.StartsWith("Mitch", StringComparison.Ordinal));
    }

    [Fact]
    public void Learner_FlagsALineRepeatedAcrossASourcesArticles()
    {
        var learner = new SourceTemplateLearner(minArticles: 3, minShare: 0.5);
        for (var i = 0; i < 4; i++)
        {
            learner.Observe("times", ["Read the full coverage in our app", $"Unique body line {i}."]);
        }

        Assert.True(learner.IsTemplate("times", "Read the full coverage in our app"));
        Assert.False(learner.IsTemplate("times", "Unique body line 1."));
        Assert.False(learner.IsTemplate("other", "Read the full coverage in our app"));
    }
}
