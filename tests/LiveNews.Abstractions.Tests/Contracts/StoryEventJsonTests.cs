using System.Text.Json;
using System.Text.Json.Nodes;
using LiveNews.Abstractions.Contracts;

namespace LiveNews.Abstractions.Tests.Contracts;

public class StoryEventJsonTests
{
    private static JsonObject Serialize(StoryEvent evt) =>
        JsonNode.Parse(JsonSerializer.Serialize(evt, LiveNewsJson.Options))!.AsObject();

    [Fact]
    public void StoryUpdated_HasTheDesignFieldsInCamelCase()
    {
        var json = Serialize(new StoryEvent
        {
            Type = StoryEventType.StoryUpdated,
            StoryId = "s1",
            Sequence = 3,
            ArticleId = "001",
            Headline = "Talks in Riyadh",
            NewFacts = [new NewFact { Text = "Zelensky postponed his visit.", Score = 0.9, Source = "wn", Url = "https://wn.example/1" }],
            Sources = ["reuters", "wn"],
            At = new DateTimeOffset(2025, 2, 19, 3, 0, 0, TimeSpan.Zero),
        });

        Assert.Equal(["type", "storyId", "sequence", "articleId", "headline", "newFacts", "sources", "at"], json.Select(p => p.Key));
        Assert.Equal("StoryUpdated", json["type"]!.GetValue<string>());
        Assert.Equal(3, json["sequence"]!.GetValue<long>());
        Assert.Equal("2025-02-19T03:00:00+00:00", json["at"]!.GetValue<string>());
        var fact = json["newFacts"]!.AsArray().Single()!.AsObject();
        Assert.Equal(["text", "score", "source", "url"], fact.Select(p => p.Key));
        Assert.Equal(["reuters", "wn"], json["sources"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public void Rejected_CarriesLineAndReason()
    {
        var json = Serialize(new StoryEvent { Type = StoryEventType.Rejected, Line = 7, Reason = "not valid JSON" });
        Assert.Equal("Rejected", json["type"]!.GetValue<string>());
        Assert.Equal(7, json["line"]!.GetValue<long>());
        Assert.Equal("not valid JSON", json["reason"]!.GetValue<string>());
        Assert.False(json.ContainsKey("storyId"));
    }

    [Fact]
    public void StoriesMerged_NamesTheAbsorbedStories()
    {
        var json = Serialize(new StoryEvent { Type = StoryEventType.StoriesMerged, StoryId = "old", Absorbed = ["newer"] });
        Assert.Equal("StoriesMerged", json["type"]!.GetValue<string>());
        Assert.Equal(["newer"], json["absorbed"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public void StoryEvent_RoundTrips()
    {
        var evt = new StoryEvent
        {
            Type = StoryEventType.VersionAttached,
            StoryId = "s1",
            Sequence = 2,
            ArticleId = "a",
            Sources = ["x"],
            NewFacts = [],
        };
        var back = JsonSerializer.Deserialize<StoryEvent>(JsonSerializer.Serialize(evt, LiveNewsJson.Options), LiveNewsJson.Options)!;
        Assert.Equal(evt.Type, back.Type);
        Assert.Equal(evt.StoryId, back.StoryId);
        Assert.Equal(evt.Sequence, back.Sequence);
        Assert.Equal(evt.Sources, back.Sources);
        Assert.Empty(back.NewFacts);
    }

    [Fact]
    public void ArticleVersion_ReadsTheJsonlContract()
    {
        const string line = """{"id": "004", "source": "reuters", "url": "https://reuters.example/004", "title": null, "published": "2025-02-18T08:30:00Z", "text": "RIYADH (Reuters): talks."}""";
        var article = JsonSerializer.Deserialize<ArticleVersion>(line, LiveNewsJson.Options)!;
        Assert.Equal("004", article.Id);
        Assert.Equal("reuters", article.Source);
        Assert.Null(article.Title);
        Assert.Equal(new DateTimeOffset(2025, 2, 18, 8, 30, 0, TimeSpan.Zero), article.Published);
        Assert.Equal("RIYADH (Reuters): talks.", article.Text);
    }
}
