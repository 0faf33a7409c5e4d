using LiveNews.Abstractions.Contracts;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace LiveNews.Abstractions.Tests.Contracts;

public class OrleansSerializationTests
{
    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer()
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void StoryEvent_RoundTripsThroughTheOrleansSerializer()
    {
        var evt = new StoryEvent
        {
            Type = StoryEventType.StoryUpdated,
            StoryId = "s1",
            Sequence = 4,
            ArticleId = "001",
            Headline = "h",
            NewFacts = [new NewFact { Text = "t", Score = 0.5, Source = "wn" }],
            Sources = ["wn"],
            At = DateTimeOffset.UnixEpoch,
            Absorbed = ["s2"],
        };

        var back = Serializer.Deserialize<StoryEvent>(Serializer.SerializeToArray(evt));
        Assert.NotNull(back);
        Assert.Equal(evt.Type, back.Type);
        Assert.Equal(evt.Sequence, back.Sequence);
        Assert.Equal("t", back.NewFacts.Single().Text);
        Assert.Equal(["s2"], back.Absorbed!.Value);
    }

    [Fact]
    public void ArticleVersion_RoundTripsThroughTheOrleansSerializer()
    {
        var article = new ArticleVersion { Id = "a", Source = "s", Title = "T", Text = "x", Published = DateTimeOffset.UnixEpoch };
        Assert.Equal(article, Serializer.Deserialize<ArticleVersion>(Serializer.SerializeToArray(article)));
    }
}
