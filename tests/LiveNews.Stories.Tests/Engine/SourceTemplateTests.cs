using LiveNews.Stories.Analysis;
using LiveNews.Text.Furniture;

namespace LiveNews.Stories.Tests.Engine;

public class SourceTemplateTests
{
    [Fact]
    public void Analyzer_LearnsASourcesBoilerplateAndDropsIt()
    {
        var learner = new SourceTemplateLearner(minArticles: 3, minShare: 0.5);
        var analyzer = new ArticleAnalyzer(templates: learner);
        AnalysedArticle? last = null;
        for (var i = 0; i < 5; i++)
        {
            last = analyzer.Analyze(new ArticleInput
            {
                Id = "t" + i,
                Source = "gazette",
                Title = $"Council story number {i} about roads",
                Published = DateTimeOffset.UnixEpoch,
                Text = $"The council voted on road repairs in ward {i} on Monday evening after a long debate.\n\nDownload the Gazette app for breaking alerts\n\nResidents of ward {i} said the potholes had been there for {i + 3} years.",
            });
        }

        Assert.DoesNotContain(last!.Sentences, s => s.Text.Contains("Gazette app", StringComparison.Ordinal));
        Assert.Contains(last.Sentences, s => s.Text.Contains("potholes", StringComparison.Ordinal));
    }
}
