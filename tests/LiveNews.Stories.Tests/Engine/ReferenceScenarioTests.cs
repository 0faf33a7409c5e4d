using System.Text.RegularExpressions;
using LiveNews.Stories.Engine;
using Microsoft.Extensions.Time.Testing;

namespace LiveNews.Stories.Tests.Engine;

/// <summary>The reference scenario of the corpus README: seeds.jsonl in order 004, 000, 002, 003, 001.</summary>
public partial class ReferenceScenarioTests
{
    private static (StoryEngine Engine, List<EngineEvent> Events) Replay()
    {
        var engine = new StoryEngine(time: new FakeTimeProvider(new DateTimeOffset(2025, 2, 19, 6, 0, 0, TimeSpan.Zero)));
        var events = CorpusReader.Seeds().SelectMany(engine.Process).ToList();
        return (engine, events);
    }

    private static EngineEvent EventOf(List<EngineEvent> events, string id) => events.Single(e => e.ArticleId == id);

    [Fact]
    public void Point1_004OpensAStoryAboutTheRiyadhTalks()
    {
        var (_, events) = Replay();
        var opening = events[0];
        Assert.Equal("004", opening.ArticleId);
        Assert.Equal(StoryUpdateKind.Created, opening.Kind);
        Assert.Contains("Riyadh", opening.Headline, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Point2_TheOtherVersionsJoinThatStory()
    {
        var (_, events) = Replay();
        var story = EventOf(events, "004").StoryId;
        foreach (var id in new[] { "000", "002", "003", "001" })
        {
            var evt = EventOf(events, id);
            Assert.Equal(story, evt.StoryId);
            Assert.Contains(evt.Kind, new[] { StoryUpdateKind.Updated, StoryUpdateKind.Attached });
        }
    }

    [Fact]
    public void Point3_001AnnouncesZelenskyPostponingHisVisitNearTheTop()
    {
        var (_, events) = Replay();
        var update = EventOf(events, "001");
        Assert.Equal(StoryUpdateKind.Updated, update.Kind);
        var rank = update.NewFacts.ToList().FindIndex(f => f.Text.Contains("Zelensky", StringComparison.Ordinal)
            && f.Text.Contains("postpon", StringComparison.OrdinalIgnoreCase) && f.Text.Contains("visit", StringComparison.OrdinalIgnoreCase));
        Assert.InRange(rank, 0, 2);
    }

    [Fact]
    public void Point4_WhatAnEarlierVersionToldIsNotNewAgain()
    {
        var (engine, events) = Replay();
        var story = engine.GetStory(EventOf(events, "004").StoryId)!;
        var byArticle = story.Facts.GroupBy(f => f.ArticleId).ToDictionary(g => g.Key, g => g.ToList());

        // 001 (wn) republishes the NYT text that 003 and 002 carried: those paragraphs are not new facts.
        var told = new[]
        {
            "Secretary of State Marco Rubio said that both sides had agreed to work on a peace settlement",
            "We weren't just listening to each other, but we heard each other",
            "Mr. Dmitriev said he would present the American delegation with an estimate",
            "Like other countries in the Middle East, Saudi Arabia has avoided taking sides in the Ukraine war.",
        };
        var newIn001 = EventOf(events, "001").NewFacts.Select(f => f.Text).ToList();
        foreach (var phrase in told)
        {
            Assert.DoesNotContain(newIn001, f => f.Contains(phrase, StringComparison.Ordinal));
        }

        // Zelensky / Zelenskyy said the same words on Monday in 003 (nytimes) and 000 (syndicated): one fact.
        var quote = story.Facts.Where(f => f.Text.Contains("We cannot recognize any agreements", StringComparison.Ordinal)).ToList();
        Assert.Single(quote);
        Assert.True(byArticle.ContainsKey("004"));
    }

    [Fact]
    public void Point4_AParaphraseIsNotNewButAChangedNumberIs()
    {
        var engine = new StoryEngine(time: new FakeTimeProvider(DateTimeOffset.UnixEpoch));
        var t = new DateTimeOffset(2025, 2, 19, 6, 0, 0, TimeSpan.Zero);
        var first = engine.Process(new LiveNews.Stories.Analysis.ArticleInput
        {
            Id = "a", Source = "one", Published = t, Title = "Zelensky postpones Saudi visit after Riyadh talks",
            Text = "President Volodymyr Zelensky postponed his visit to Saudi Arabia in protest at the US-Russia talks in Riyadh.\n\nThe talks in Riyadh left Ukraine out, Ukrainian officials said.\n\nAt least 12 people were killed in a Russian strike on Kharkiv on Tuesday, the regional governor said.",
        })[0];
        var second = engine.Process(new LiveNews.Stories.Analysis.ArticleInput
        {
            Id = "b", Source = "two", Published = t.AddHours(1), Title = "Zelenskyy delays Saudi trip in protest at Riyadh talks",
            Text = "Ukraine's President Volodymyr Zelenskyy delayed his trip to Saudi Arabia in protest at the US-Russia talks in Riyadh.\n\nAt least 15 people were killed in a Russian strike on Kharkiv on Tuesday, the regional governor said.",
        })[0];

        Assert.Equal(first.StoryId, second.StoryId);
        Assert.Equal(StoryUpdateKind.Updated, second.Kind);
        var fact = Assert.Single(second.NewFacts);
        Assert.Contains("15 people", fact.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Point5_PageFurnitureIsNeverAFact()
    {
        var (engine, events) = Replay();
        var facts = events.Select(e => e.StoryId).Distinct().SelectMany(id => engine.GetStory(id)!.Facts).Select(f => f.Text).ToList();
        Assert.NotEmpty(facts);
        Assert.DoesNotContain(facts, f => Furniture().IsMatch(f));
    }

    [Fact]
    public void Point6_TheOtherStoriesOf003AreStoriesOfTheirOwn()
    {
        var (engine, events) = Replay();
        var riyadh = EventOf(events, "004").StoryId;
        var hamas = EventOf(events, "003#1");
        var europe = EventOf(events, "003#2");
        Assert.Equal(StoryUpdateKind.Created, hamas.Kind);
        Assert.Equal(StoryUpdateKind.Created, europe.Kind);
        Assert.NotEqual(riyadh, hamas.StoryId);
        Assert.NotEqual(riyadh, europe.StoryId);
        Assert.NotEqual(hamas.StoryId, europe.StoryId);
        Assert.Contains("Hamas", hamas.Headline, StringComparison.Ordinal);
        Assert.Contains("Europe", europe.Headline, StringComparison.Ordinal);

        // No sentence of the other two articles became a fact of the Riyadh story.
        var otherSentences = engine.GetStory(hamas.StoryId)!.Facts.Concat(engine.GetStory(europe.StoryId)!.Facts).Select(f => f.Text).ToHashSet();
        Assert.True(otherSentences.Count > 10);
        var riyadhFacts = engine.GetStory(riyadh)!.Facts;
        Assert.DoesNotContain(riyadhFacts, f => otherSentences.Contains(f.Text) || f.ArticleId.StartsWith("003#", StringComparison.Ordinal));
        Assert.DoesNotContain(riyadhFacts, f => OtherStories().IsMatch(f.Text));
    }

    [GeneratedRegex(@"advertis|adsense|granted access|preview view|verify access|log in|subscribe|About WN|Check Also|McConnell|Pool photo|Hockstein|contributed reporting|transcript|stay updated|Sign up|New York Times Services", RegexOptions.IgnoreCase)]
    private static partial Regex Furniture();

    [GeneratedRegex(@"Hamas|Bibas|hostage|al-Hayya|Dannatt|Lawrence Freedman|Olaf Scholz, dismissed", RegexOptions.IgnoreCase)]
    private static partial Regex OtherStories();
}
