using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Contracts.Webhooks;
using LiveNews.Grains.Webhooks;

namespace LiveNews.Grains.Tests.Webhooks;

public class WebhookEventFilterTests
{
    // Seed 001 (New York Times capture of the Riyadh talks) and its headline.
    private const string PostponedFact = "Zelensky of Ukraine reacted angrily to Tuesday’s meeting, saying he was postponing his own planned visit to Saudi Arabia — he had planned to arrive on Wednesday — to protest that Ukraine had not been invited to Tuesday’s talks.";

    private static StoryEvent Updated(string headline = "U.S. and Russia agree to restore embassies after talks in Riyadh", params string[] facts) => new()
    {
        Type = StoryEventType.StoryUpdated,
        StoryId = "s-riyadh",
        Sequence = 5,
        ArticleId = "001",
        Headline = headline,
        NewFacts = [.. facts.Select(f => new NewFact { Text = f, Source = "nytimes.com" })],
    };

    [Fact]
    public void Matches_DefaultTypesAreTheAlerts()
    {
        var filter = new WebhookFilter();
        Assert.True(WebhookEventFilter.Matches(filter, Updated(facts: PostponedFact)));
        Assert.True(WebhookEventFilter.Matches(filter, Updated() with { Type = StoryEventType.StoryCreated }));
        Assert.True(WebhookEventFilter.Matches(filter, Updated() with { Type = StoryEventType.StoriesMerged, Absorbed = ["s-2"] }));
        Assert.False(WebhookEventFilter.Matches(filter, Updated() with { Type = StoryEventType.VersionAttached }));
        Assert.False(WebhookEventFilter.Matches(filter, Updated() with { Type = StoryEventType.Duplicate }));
        Assert.False(WebhookEventFilter.Matches(filter, new StoryEvent { Type = StoryEventType.Rejected, Line = 3, Reason = "bad json" }));
    }

    [Fact]
    public void Matches_ExplicitTypesOnly()
    {
        var filter = new WebhookFilter { EventTypes = [StoryEventType.VersionAttached] };
        Assert.True(WebhookEventFilter.Matches(filter, Updated() with { Type = StoryEventType.VersionAttached }));
        Assert.False(WebhookEventFilter.Matches(filter, Updated(facts: PostponedFact)));
    }

    [Theory]
    [InlineData("Saudi Arabia", true)]
    [InlineData("saudi arabia", true)]
    [InlineData("postponing", true)]
    [InlineData("Riyadh", true)] // in the headline
    [InlineData("postpone", false)] // whole words only
    [InlineData("Arabia Saudi", false)]
    [InlineData("Gaza", false)]
    public void Matches_KeywordsAsWholeWordsInHeadlineOrFacts(string keyword, bool expected)
    {
        var filter = new WebhookFilter { Keywords = [keyword] };
        Assert.Equal(expected, WebhookEventFilter.Matches(filter, Updated(facts: PostponedFact)));
    }

    [Theory]
    [InlineData("Zelenskyy", true)] // another spelling of the name in the fact
    [InlineData("Volodymyr Zelensky", true)] // the family name alone counts
    [InlineData("Ukraine", true)]
    [InlineData("Saudi Arabia", true)]
    [InlineData("Marco Rubio", false)]
    [InlineData("Tuesday Protest", false)]
    public void Matches_EntitiesBySpellingVariants(string entity, bool expected)
    {
        var filter = new WebhookFilter { Entities = [entity] };
        Assert.Equal(expected, WebhookEventFilter.Matches(filter, Updated(facts: PostponedFact)));
    }

    [Fact]
    public void Matches_EntitiesNeedACapitalisedMention()
    {
        // "prose" folds like "Paris" would, but a lower-case word is not a name.
        var filter = new WebhookFilter { Entities = ["Paris"] };
        Assert.False(WebhookEventFilter.Matches(filter, Updated("Critics praise the prose", "The prose of the treaty was debated.")));
        Assert.True(WebhookEventFilter.Matches(filter, Updated("Talks move to Paris")));
    }

    [Fact]
    public void Matches_StoryIdsIncludingAbsorbedOnes()
    {
        var filter = new WebhookFilter { StoryIds = ["s-old"] };
        Assert.False(WebhookEventFilter.Matches(filter, Updated(facts: PostponedFact)));
        Assert.True(WebhookEventFilter.Matches(filter, Updated(facts: PostponedFact) with { StoryId = "s-old" }));
        Assert.True(WebhookEventFilter.Matches(filter, Updated() with { Type = StoryEventType.StoriesMerged, Absorbed = ["s-old"] }));
    }

    [Fact]
    public void Matches_MinimumNewFacts()
    {
        var filter = new WebhookFilter { MinNewFacts = 2 };
        Assert.False(WebhookEventFilter.Matches(filter, Updated(facts: PostponedFact)));
        Assert.True(WebhookEventFilter.Matches(filter, Updated(facts: [PostponedFact, "Lavrov said the talks were useful."])));
        Assert.True(WebhookEventFilter.Matches(filter, Updated() with { Type = StoryEventType.StoriesMerged, Absorbed = ["s-2"] }));
    }

    [Fact]
    public void Matches_AllCriteriaMustHold()
    {
        var filter = new WebhookFilter { Keywords = ["Saudi Arabia"], Entities = ["Lavrov"] };
        Assert.False(WebhookEventFilter.Matches(filter, Updated(facts: PostponedFact)));
        Assert.True(WebhookEventFilter.Matches(filter, Updated(facts: [PostponedFact, "Sergei Lavrov said the talks were useful."])));
    }
}
