using LiveNews.Stories.Analysis;
using LiveNews.Text.Furniture;
using LiveNews.Text.Normalization;
using LiveNews.Text.Segmentation;
using LiveNews.Tests.Shared;

namespace LiveNews.Text.Tests.Segmentation;

public class PageSegmenterTests
{
    private static List<PageSegment> Segment(string text) =>
        PageSegmenter.Split(PageCleaner.Clean(TextNormalizer.Normalize(text)).Lines, ArticleAnalyzer.IsHeadlineLike);

    [Fact]
    public void Split_Seed003_IntoItsThreeArticles()
    {
        var raw = File.ReadAllText(Fixtures.Path("corpus", "seeds", "003_0560086720b66d24.txt"));
        var segments = Segment(raw);
        Assert.Equal(3, segments.Count);
        Assert.StartsWith("Hamas Says Remains of Israeli Captives", segments[1].Headline, StringComparison.Ordinal);
        Assert.StartsWith("Europe's Leaders, Dazed by an Ally", segments[2].Headline, StringComparison.Ordinal);
        Assert.Contains(segments[0].Paragraphs, p => p.Contains("Musaed al-Aiban", StringComparison.Ordinal));
        Assert.Contains(segments[1].Paragraphs, p => p.Contains("Bibas", StringComparison.Ordinal));
        Assert.DoesNotContain(segments[0].Paragraphs, p => p.Contains("Bibas", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("000_bae5790d11159094.txt")]
    [InlineData("001_5aef1d1f9a5dcf49.txt")]
    [InlineData("002_04e9e20840226288.txt")]
    [InlineData("004_218bd4d35518e57f.txt")]
    public void Split_SingleArticlePagesStayWhole(string file)
    {
        var raw = File.ReadAllText(Fixtures.Path("corpus", "seeds", file));
        Assert.Single(Segment(raw));
    }

    [Fact]
    public void Split_HeadlineWithoutStructureNeedsATopicShift()
    {
        const string page = "The council approved the new budget for schools on Monday.\n\nTeachers welcomed the extra funds for classrooms.\n\n"
            + "The budget adds 40 teachers to the district next year.\n\nNew Budget Gives Schools More Teachers\n\n"
            + "The district will hire the teachers in the spring, the council said.\n\nClassrooms will shrink to 24 pupils.";
        Assert.Single(Segment(page));

        const string twoStories = "The council approved the new budget for schools on Monday.\n\nTeachers welcomed the extra funds for classrooms.\n\n"
            + "The budget adds 40 teachers to the district next year.\n\nVolcano Erupts Near Iceland Fishing Town\n\n"
            + "Lava flowed toward Grindavik after the eruption began overnight.\n\nIcelandic authorities evacuated residents and closed the Blue Lagoon spa.";
        var segments = Segment(twoStories);
        Assert.Equal(2, segments.Count);
        Assert.Equal("Volcano Erupts Near Iceland Fishing Town", segments[1].Headline);
    }
}
