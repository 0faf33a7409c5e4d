using LiveNews.Stories.Analysis;

namespace LiveNews.Stories.Tests.Analysis;

/// <summary>
/// A feed entry with only a title-case headline: its capitals say nothing on their own, so its names are
/// the words earlier articles have shown to be names (wikinews-dev, the Jordan and Al-Aqsa story).
/// </summary>
public class ArticleAnalyzerHeadlineOnlyTests
{
    private const string Headline = "Jordan Lawmakers Seek to Expel Israeli Ambassador Over Holy Site";

    // Earlier articles name Jordan, Israel and the Israeli government mid-sentence, and say "lawmakers" and "site" in lower case.
    private static readonly string[] EarlierTexts =
    [
        "The prime minister of Jordan warned that the peace deal with Israel may be reviewed. Lawmakers in Amman voted on a motion about the site.",
        "Jordan recalled its envoy after clashes at the holy site in Jerusalem, and the Israeli government said the site stays open to visitors.",
        "Protesters in Jordan called on the Israeli embassy to respect the agreement, while lawmakers debated the treaty with Israel.",
    ];

    private static AnalysedArticle HeadlineOnly(ArticleAnalyzer analyzer) =>
        analyzer.Analyze(new ArticleInput { Id = "wn-h", Source = "wire", Title = Headline, Text = "" });

    [Fact]
    public void Analyze_TitleCaseHeadlineAlone_NamesWhatEarlierArticlesShowedToBeNames()
    {
        var analyzer = new ArticleAnalyzer();
        for (var i = 0; i < EarlierTexts.Length; i++)
        {
            analyzer.Analyze(new ArticleInput { Id = "wn-" + i, Source = "wire", Title = "Jordan and Israel", Text = EarlierTexts[i] });
        }

        var item = HeadlineOnly(analyzer);

        // Jordan and Israeli (Israel's demonym, one entity with Israel) are names; lawmakers, holy and site are not.
        Assert.Contains("Jordan", item.EntityNames.Values);
        Assert.Contains(ArticleAnalyzer.EntityFeature(item.EntityNames.Single(e => e.Value == "Jordan").Key), item.Terms.Keys);
        Assert.Single(item.EntityNames.Values, name => name.StartsWith("Israel", StringComparison.Ordinal));
        Assert.DoesNotContain(item.EntityNames.Values, name => name.Contains("Lawmakers", StringComparison.Ordinal) || name.Contains("Site", StringComparison.Ordinal));
    }

    [Fact]
    public void Analyze_TitleCaseHeadlineAlone_WithNothingLearned_NamesNothing()
    {
        var item = HeadlineOnly(new ArticleAnalyzer());

        Assert.Empty(item.EntityNames);
        Assert.Contains("jordan", item.Terms.Keys);
    }
}
