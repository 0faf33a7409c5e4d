using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;
using Microsoft.Extensions.Time.Testing;

namespace LiveNews.Stories.Tests.Engine;

/// <summary>Feed entries with only a headline, or a headline and one line, must cluster too.</summary>
public class ShortItemTests
{
    private static readonly DateTimeOffset T = new(2025, 2, 19, 4, 0, 0, TimeSpan.Zero);

    [Fact]
    public void HeadlineOnly_JoinsTheStoryItTellsOf()
    {
        var engine = new StoryEngine(time: new FakeTimeProvider(T));
        var story = CorpusReader.Seeds().SelectMany(engine.Process).ToList()[0].StoryId;

        // Told already (001): it joins and brings nothing new.
        var known = engine.Process(new ArticleInput { Id = "h1", Source = "wire", Published = T, Title = "Zelenskyy postpones Saudi Arabia visit in protest at US-Russia talks in Riyadh" }).Single();
        Assert.Equal(story, known.StoryId);
        Assert.Equal(StoryUpdateKind.Attached, known.Kind);

        // New: the headline is the new fact.
        var news = engine.Process(new ArticleInput { Id = "h3", Source = "wire", Published = T.AddMinutes(5), Title = "Rubio and Lavrov agree to restore embassy staff in Washington and Moscow within 30 days after Riyadh talks" }).Single();
        Assert.Equal(story, news.StoryId);
        Assert.Equal(StoryUpdateKind.Updated, news.Kind);
        Assert.Contains("within 30 days", Assert.Single(news.NewFacts).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void HeadlineOnly_AboutSomethingElseOpensAStory()
    {
        var engine = new StoryEngine(time: new FakeTimeProvider(T));
        var story = CorpusReader.Seeds().SelectMany(engine.Process).ToList()[0].StoryId;
        var item = engine.Process(new ArticleInput { Id = "h2", Source = "wire", Published = T, Title = "Magnitude 7.1 earthquake shakes Mexico City, buildings evacuated" }).Single();
        Assert.NotEqual(story, item.StoryId);
        Assert.Equal(StoryUpdateKind.Created, item.Kind);
    }

    [Fact]
    public void HeadlinesOfOneEvent_ClusterTogether_AndApartFromASimilarEvent()
    {
        var engine = new StoryEngine(time: new FakeTimeProvider(T));
        var a = engine.Process(new ArticleInput { Id = "q1", Source = "a", Published = T, Title = "Magnitude 7.1 earthquake shakes Mexico City", Text = "Buildings swayed in Mexico City and residents fled into the streets." }).Single();
        var b = engine.Process(new ArticleInput { Id = "q2", Source = "b", Published = T.AddMinutes(20), Title = "Mexico City struck by 7.1 magnitude quake" }).Single();
        var c = engine.Process(new ArticleInput { Id = "q3", Source = "c", Published = T.AddMinutes(30), Title = "Magnitude 6.4 earthquake hits Taiwan's Hualien county", Text = "Buildings tilted in Hualien after the quake, Taiwan's fire agency said." }).Single();
        Assert.Equal(a.StoryId, b.StoryId);
        Assert.NotEqual(a.StoryId, c.StoryId);
    }
}
