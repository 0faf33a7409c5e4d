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

    // Time stamp lines as the ECB+ captures (stories-dev/ecbplus-dev.jsonl) print them, tokenised upstream.
    [Theory]
    [InlineData("February 5, 2009")]
    [InlineData("Monday 16 September 2013 03. 31 BST")]
    [InlineData("Sat Nov 12 2011, 01: 19 hrs")]
    [InlineData("10: 55 P. M. FEB. 2, 2009")]
    [InlineData("on Feb. 04, 2009")]
    [InlineData("16 September 2013 Last updated at 12: 42 GMT")]
    [InlineData("MONDAY, MAY 23, 2005")]
    [InlineData("April 10, 2007 - 7: 07AM")]
    [InlineData("8: 44AM BST 16 Sep 2013")]
    [InlineData("on April 30, 2008 at 4: 31 AM, updated April 30, 2008 at 8: 33 AM")]
    [InlineData("March 2025")]
    [InlineData("Thursday 22nd May 2025 | 09:15 GMT")]
    public void Classify_TimeStampLineIsByline(string line)
    {
        Assert.True(FurnitureFilter.IsTimestamp(line));
        Assert.Equal(FurnitureKind.Byline, FurnitureFilter.Classify(line));
    }

    [Theory]
    [InlineData("Sunday")] // a day without a number
    [InlineData("Washington D. C., Jul 13, 2009 / 02: 00 pm (CNA)")] // a place: a dateline that opens the story
    [InlineData("Talks on May 5, 2009")]
    [InlineData("12 dead on Sunday")]
    [InlineData("At 10 am on Monday, 3 people were hurt.")]
    public void IsTimestamp_NotForLinesWithOtherWords(string line)
    {
        Assert.False(FurnitureFilter.IsTimestamp(line));
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
