using System.Text.Json;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Facts;

namespace LiveNews.Stories.Tests.Facts;

public class FactFeaturesTests
{
    private static readonly SentenceUnit Postponed = new()
    {
        Text = "Zelensky postponed his visit to Saudi Arabia, saying 12 envoys had not been invited.",
        Stems = ["postpon", "visit", "invit", "envoy"],
        Entities = ["volodymyr zelensky", "saudi arabia"],
        Numbers = ["12"],
    };

    [Fact]
    public void Content_IntoABuffer_WritesWhatTheArrayHolds_AndRefusesAShortOne()
    {
        var buffer = Enumerable.Repeat(-1, 10).ToArray();

        var written = FactFeatures.Content(Postponed, buffer);

        Assert.Equal(6, written);
        Assert.Equal(FactFeatures.Content(Postponed), buffer[..written]);
        Assert.Equal(FactFeatures.Entity("volodymyr zelensky"), buffer[4]);
        Assert.Equal(-1, buffer[written]);
        Assert.Equal(FactFeatures.Of(Postponed), FactFeatures.Of(buffer.AsSpan(0, written), Postponed.Numbers));
        Assert.Throws<ArgumentException>(() => FactFeatures.Content(Postponed, new int[5]));
    }

    [Fact]
    public void Features_AreStableAndKeepTheirKind()
    {
        // Stored with the story: the same text must give the same feature in every process.
        Assert.Equal(FactFeatures.Stem("postpon"), FactFeatures.Stem("postpon"));
        Assert.Equal(FactFeatures.StemKind, FactFeatures.KindOf(FactFeatures.Stem("postpon")));
        Assert.Equal(FactFeatures.EntityKind, FactFeatures.KindOf(FactFeatures.Entity("sergei lavrov")));
        Assert.Equal(FactFeatures.NumberKind, FactFeatures.KindOf(FactFeatures.Number("12")));

        // The same word as a stem, a name and a figure are three features.
        Assert.Equal(3, new[] { FactFeatures.Stem("lavrov"), FactFeatures.Entity("lavrov"), FactFeatures.Number("lavrov") }.Distinct().Count());
    }

    [Fact]
    public void Entity_ComparesNamesByTheirLastWord()
    {
        Assert.Equal(FactFeatures.Entity("zelensky"), FactFeatures.Entity("volodymyr zelensky"));
        Assert.NotEqual(FactFeatures.Entity("zelensky"), FactFeatures.Entity("sergei lavrov"));
    }

    [Fact]
    public void Of_IsSortedAndDistinct_ContentOfDropsFigures()
    {
        var features = FactFeatures.Of(Postponed with { Entities = ["volodymyr zelensky", "zelensky"] });
        Assert.Equal(features.Order(), features);
        Assert.Equal(features.Length, features.Distinct().Count());
        Assert.Equal(4 + 1 + 1, features.Length);
        Assert.DoesNotContain(FactFeatures.ContentOf(features), f => FactFeatures.KindOf(f) == FactFeatures.NumberKind);
        Assert.Equal(5, FactFeatures.ContentOf(features).Length);
    }

    [Fact]
    public void Containment_IsTheShareOfTheSentenceTheFactHas()
    {
        var fact = new KnownFact { Text = Postponed.Text, Features = FactFeatures.Of(Postponed) };
        var retold = Postponed with { Stems = ["postpon", "trip", "invit", "envoy"], Entities = ["zelensky", "riyadh"] };

        Assert.Equal(1.0, FactFingerprint.Containment(FactFeatures.Content(Postponed), fact));
        Assert.Equal(4 / 6.0, FactFingerprint.Containment(FactFeatures.Content(retold), fact), 6);
        Assert.Equal(0, FactFingerprint.Containment([], fact));
    }

    [Fact]
    public void ChangesNumber_NewFigureCounts_YearDoesNot()
    {
        var fact = new KnownFact { Text = Postponed.Text, Features = FactFeatures.Of(Postponed) };
        Assert.False(FactFingerprint.ChangesNumber(Postponed, fact));
        Assert.True(FactFingerprint.ChangesNumber(Postponed with { Numbers = ["15"] }, fact));
        Assert.False(FactFingerprint.ChangesNumber(Postponed with { Numbers = ["12", "2025"] }, fact));
    }

    [Fact]
    public void ChangesQuote_ComparesTheWordsQuoted_NotCaseOrPunctuation()
    {
        var quoted = Postponed with { Quote = "We cannot recognize any agreements" };
        var fact = new KnownFact { Text = quoted.Text, Features = FactFeatures.Of(quoted), QuoteKey = FactFeatures.Quote(quoted.Quote!) };
        Assert.False(FactFingerprint.ChangesQuote(quoted with { Quote = "we cannot recognize, any agreements" }, fact));
        Assert.True(FactFingerprint.ChangesQuote(quoted with { Quote = "We will recognize no agreements" }, fact));
        Assert.False(FactFingerprint.ChangesQuote(Postponed, fact));
    }

    [Fact]
    public void KnownFact_StoredWithStringFingerprints_ReadsAsFeatures()
    {
        // A story stored before fingerprints were features.
        const string Old = """
            {"Text":"Zelensky postponed his visit.","Stems":["postpon","visit","invit","envoy"],"Entities":["volodymyr zelensky","saudi arabia"],
             "Numbers":["12"],"Quote":"We cannot recognize any agreements","Source":"nyt","ArticleId":"a1","SourceCount":2}
            """;
        var fact = JsonSerializer.Deserialize<KnownFact>(Old)!;

        Assert.Equal(FactFeatures.Of(Postponed), fact.Features);
        Assert.Equal(FactFeatures.Quote("We cannot recognize any agreements"), fact.QuoteKey);
        Assert.Equal(2, fact.SourceCount);

        var written = JsonSerializer.Serialize(fact);
        Assert.DoesNotContain("Stems", written, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Quote\"", written, StringComparison.Ordinal);
        Assert.Equal(fact.Features, JsonSerializer.Deserialize<KnownFact>(written)!.Features);
    }
}
