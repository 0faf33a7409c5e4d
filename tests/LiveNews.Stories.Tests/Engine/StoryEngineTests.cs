using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;
using Microsoft.Extensions.Time.Testing;

namespace LiveNews.Stories.Tests.Engine;

public class StoryEngineTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2025, 2, 19, 6, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData("004,000,002,003,001")]
    [InlineData("001,003,002,000,004")]
    [InlineData("002,004,001,000,003")]
    public void Process_PutsTheFiveSeedVersionsInOneStory(string order)
    {
        var seeds = CorpusReader.Seeds().ToDictionary(s => s.Id);
        var engine = new StoryEngine(time: Clock);
        var events = order.Split(',').SelectMany(id => engine.Process(seeds[id])).Where(e => !e.ArticleId.Contains('#', StringComparison.Ordinal)).ToList();

        Assert.Equal(5, events.Count);
        Assert.Single(events.Select(e => e.StoryId).Distinct());
        Assert.Equal(StoryUpdateKind.Created, events[0].Kind);
        Assert.Equal([1L, 2, 3, 4, 5], events.Select(e => e.Sequence));
    }

    [Fact]
    public void Process_SameVersionAgainIsDuplicate()
    {
        var seed = CorpusReader.Seeds()[0];
        var engine = new StoryEngine(time: Clock);
        var first = engine.Process(seed)[0];
        var again = engine.Process(seed)[0];
        Assert.Equal(StoryUpdateKind.Duplicate, again.Kind);
        Assert.Equal(first.StoryId, again.StoryId);
        Assert.Empty(again.NewFacts);
        Assert.Equal(first.Sequence + 1, again.Sequence);
    }

    [Fact]
    public void Process_EditedEntryIsANewVersionOfItsStory()
    {
        var seed = CorpusReader.Seeds()[0];
        var engine = new StoryEngine(time: Clock);
        var first = engine.Process(seed)[0];
        var edited = engine.Process(seed with { Text = seed.Text + "\n\nThe talks ended after four and a half hours, a Saudi official told reporters in Riyadh." })[0];
        Assert.Equal(first.StoryId, edited.StoryId);
        Assert.Equal(StoryUpdateKind.Updated, edited.Kind);
        Assert.Contains(edited.NewFacts, f => f.Text.Contains("four and a half hours", StringComparison.Ordinal));
    }

    [Fact]
    public void Process_UnrelatedArticleOpensItsOwnStory()
    {
        var engine = new StoryEngine(time: Clock);
        var riyadh = engine.Process(CorpusReader.Seeds()[0])[0];
        var quake = engine.Process(new ArticleInput
        {
            Id = "quake-1",
            Source = "wire",
            Title = "Magnitude 6.1 earthquake strikes off the coast of Chile",
            Published = new DateTimeOffset(2025, 2, 18, 12, 0, 0, TimeSpan.Zero),
            Text = "A magnitude 6.1 earthquake struck off the coast of northern Chile on Tuesday, the US Geological Survey said. There were no immediate reports of damage or casualties in Antofagasta.",
        })[0];
        Assert.NotEqual(riyadh.StoryId, quake.StoryId);
        Assert.Equal(StoryUpdateKind.Created, quake.Kind);
    }
}
