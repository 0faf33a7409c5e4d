using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;
using LiveNews.Stories.Tests.Fixtures;
using Microsoft.Extensions.Time.Testing;

namespace LiveNews.Stories.Tests.Engine;

public class StoryMergeTests
{
    private static readonly DateTimeOffset T0 = new(2012, 10, 29, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Options that keep the two halves apart until an article tells both.</summary>
    internal static StoryEngineOptions Strict() => new() { MatchThreshold = 0.5, MergeThreshold = 0.3, StoryMergeThreshold = 0.05 };

    [Fact]
    public void Route_ArticleThatBridgesTwoStories_MergesThemIntoTheOlder()
    {
        var engine = new StoryEngine(Strict(), new FakeTimeProvider(T0));
        var caribbean = engine.Process(new ArticleInput { Id = "jm", Source = "bbc", Title = "Hurricane Sandy batters Jamaica and Cuba", Published = T0, Text = SandyTexts.Caribbean }).Single();
        var newYork = engine.Process(new ArticleInput { Id = "ny", Source = "cnn", Title = "Hurricane Sandy shuts New York subway", Published = T0.AddHours(30), Text = SandyTexts.NewYork }).Single();
        Assert.NotEqual(caribbean.StoryId, newYork.StoryId);

        var bridge = engine.Process(new ArticleInput
        {
            Id = "wrap", Source = "ap", Title = "Hurricane Sandy: from Jamaica and Cuba to New York", Published = T0.AddHours(31),
            Text = SandyTexts.Caribbean + "\n\n" + SandyTexts.NewYork,
        });

        Assert.Equal(2, bridge.Count);
        var merge = bridge[0];
        Assert.True(merge.IsMerge);
        Assert.Equal(caribbean.StoryId, merge.StoryId);
        Assert.Equal([newYork.StoryId], merge.Absorbed);
        Assert.Equal(2, merge.Sequence);
        var joined = bridge[1];
        Assert.Equal(caribbean.StoryId, joined.StoryId);
        Assert.Equal(3, joined.Sequence);

        var story = engine.GetStory(caribbean.StoryId)!;
        Assert.Equal(3, story.VersionCount);
        Assert.Equal(["bbc", "cnn", "ap"], story.Sources);
        Assert.Null(engine.GetStory(newYork.StoryId));
        Assert.Equal(caribbean.StoryId, engine.Resolve(newYork.StoryId));

        // A later version of the absorbed story's article goes to the survivor.
        var again = engine.Process(new ArticleInput { Id = "ny", Source = "cnn", Title = "Hurricane Sandy shuts New York subway", Published = T0.AddHours(32), Text = SandyTexts.NewYork + " The storm made landfall near Atlantic City on Monday evening." }).Single();
        Assert.Equal(caribbean.StoryId, again.StoryId);
        Assert.Equal(StoryUpdateKind.Updated, again.Kind);
    }

    [Fact]
    public void Absorb_KeepsFactsOnceAndSequenceGapFree()
    {
        var options = new StoryEngineOptions();
        var a = new StoryState { Id = "a" };
        var b = new StoryState { Id = "b" };
        var analyzer = new ArticleAnalyzer(options);
        a.Apply(analyzer.Analyze(new ArticleInput { Id = "1", Source = "x", Published = T0, Text = SandyTexts.Caribbean }), T0, options);
        b.Apply(analyzer.Analyze(new ArticleInput { Id = "2", Source = "y", Published = T0, Text = SandyTexts.Caribbean + " " + SandyTexts.NewYork }), T0, options);
        var factsBefore = a.Facts.Count;

        a.Absorb(b, T0, options);

        Assert.Equal(factsBefore + 3, a.Facts.Count);
        Assert.Equal(2, a.VersionCount);
        Assert.Equal("a", b.MergedInto);
        Assert.Equal(2, a.NextSequence());
    }
}
