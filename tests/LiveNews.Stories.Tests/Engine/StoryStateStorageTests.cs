using System.Text.Json;
using LiveNews.Stories.Engine;
using LiveNews.Stories.Facts;
using Microsoft.Extensions.Time.Testing;

namespace LiveNews.Stories.Tests.Engine;

public class StoryStateStorageTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2025, 2, 19, 6, 0, 0, TimeSpan.Zero));

    [Fact]
    public void StoryState_ReadBack_KeepsTextAndGoesOnKnowingItsFacts()
    {
        var seeds = CorpusReader.Seeds().ToDictionary(s => s.Id);
        var engine = new StoryEngine(time: Clock);
        var storyId = engine.Process(seeds["004"])[0].StoryId;
        engine.Process(seeds["000"]);
        var story = engine.GetStory(storyId)!;

        var restored = JsonSerializer.Deserialize<StoryState>(JsonSerializer.Serialize(story))!;

        Assert.Equal(story.Facts.Select(f => f.Text), restored.Facts.Select(f => f.Text));
        Assert.Equal(story.Facts.Select(f => f.Features), restored.Facts.Select(f => f.Features));
        Assert.Equal(story.Versions.Select(v => (v.Title, v.Url)), restored.Versions.Select(v => (v.Title, v.Url)));
        Assert.Equal(story.TopEntityNames(20), restored.TopEntityNames(20));
        Assert.Contains("Lavrov", string.Join(' ', restored.TopEntityNames(20)), StringComparison.Ordinal);

        // What the story already knew is no news after it was read back; a repeated version is a duplicate.
        var again = engine.Analyzer.Analyze(seeds["000"] with { Id = "000-again" });
        Assert.Empty(restored.Apply(again, Clock.GetUtcNow(), new StoryEngineOptions()).NewFacts);
    }

    [Fact]
    public void StoryState_ReadBack_FactsOfOneVersionShareTheirStrings()
    {
        var engine = new StoryEngine(time: Clock);
        var storyId = engine.Process(CorpusReader.Seeds()[0])[0].StoryId;
        var restored = JsonSerializer.Deserialize<StoryState>(JsonSerializer.Serialize(engine.GetStory(storyId)!))!;

        Assert.True(restored.Facts.Count > 3);
        var first = restored.Facts[0];
        Assert.All(restored.Facts, f =>
        {
            Assert.Same(first.ArticleId, f.ArticleId);
            Assert.Same(first.Source, f.Source);
            Assert.Same(first.Url, f.Url);
        });
        Assert.Same(restored.Versions[0].ArticleId, first.ArticleId);
    }

    [Fact]
    public void StoryState_StoredEntities_KeepTheirShape()
    {
        // How stories were stored before the entity table was compact, and still are.
        const string Stored = """
            {"Id":"s1","Entities":{"lavrov":3,"rubio":1,"riyadh":2},"EntityNames":{"lavrov":"Sergei Lavrov","riyadh":"Riyadh","rubio":"Marco Rubio"},"VersionCount":3}
            """;
        var story = JsonSerializer.Deserialize<StoryState>(Stored)!;
        Assert.Equal(["Sergei Lavrov", "Riyadh", "Marco Rubio"], story.TopEntityNames(5));

        using var written = JsonDocument.Parse(JsonSerializer.Serialize(story));
        Assert.Equal(3, written.RootElement.GetProperty("Entities").GetProperty("lavrov").GetInt32());
        Assert.Equal("Marco Rubio", written.RootElement.GetProperty("EntityNames").GetProperty("rubio").GetString());
    }

    [Theory]
    [InlineData("Zelensky said: “We will not recognise it” — and left.")]
    [InlineData("Les négociations à Riyad ont duré quatre heures et demie.")]
    [InlineData("Переговоры в Эр-Рияде продолжались четыре часа.")]
    [InlineData("")]
    public void FactText_AnyScript_ReadsBackAsWritten(string text)
    {
        var fact = new KnownFact { Text = text };
        Assert.Equal(text, fact.Text);
        Assert.Equal(text, JsonSerializer.Deserialize<KnownFact>(JsonSerializer.Serialize(fact))!.Text);
        var version = new StoryVersion { ArticleId = "a", Title = text, Url = text.Length == 0 ? null : "https://example.org/" + text };
        Assert.Equal(text, version.Title);
        Assert.Equal(text.Length == 0 ? null : "https://example.org/" + text, version.Url);
    }
}
