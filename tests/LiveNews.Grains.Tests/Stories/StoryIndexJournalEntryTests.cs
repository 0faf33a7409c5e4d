using LiveNews.Grains.Hosting;
using LiveNews.Grains.Stories;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Matching;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace LiveNews.Grains.Tests.Stories;

/// <summary>
/// Journal entries of each kind survive the Orleans serializer the Redis journal writes them with, and
/// replaying a merge's two entries into two shards' matchers makes the merge again.
/// </summary>
public class StoryIndexJournalEntryTests
{
    private static readonly DateTimeOffset At = new(2012, 10, 29, 12, 0, 0, TimeSpan.Zero);

    private static readonly Serializer Serializer = new ServiceCollection()
        .AddSerializer(s => s.AddLiveNewsSerialization())
        .BuildServiceProvider()
        .GetRequiredService<Serializer>();

    [Fact]
    public void Serializer_RoundTripsEveryKind()
    {
        var profile = new StoryProfile
        {
            StoryId = "newer",
            Centroid = new(StringComparer.Ordinal) { ["sandy"] = 1.5f, ["@new york"] = 0.5f },
            GroupNorms = [1.5, 0.5, 0],
            Members = 2,
            Ordinal = 7,
            FirstPublished = At,
            LastPublished = At.AddHours(3),
        };
        StoryIndexJournalEntry[] entries =
        [
            new() { Sequence = 1, ArticleId = "a", StoryId = "s", Opens = true, Ordinal = 3, Published = At, Terms = ["sandy"], Weights = [1f] },
            StoryIndexJournalEntry.ForDetach("newer", "older", 2),
            StoryIndexJournalEntry.ForAbsorb("older", profile, 3),
        ];

        var back = entries.Select(e => Serializer.Deserialize<StoryIndexJournalEntry>(Serializer.SerializeToArray(e)) ?? throw new InvalidDataException("nothing read back")).ToList();

        Assert.Equal(StoryIndexJournalEntryKind.Assignment, back[0].Kind);
        Assert.Equal(["sandy"], back[0].Terms);
        Assert.Equal((StoryIndexJournalEntryKind.Detach, "newer", "older", 2L), (back[1].Kind, back[1].StoryId, back[1].Survivor, back[1].Sequence));
        Assert.Equal((StoryIndexJournalEntryKind.Absorb, "older"), (back[2].Kind, back[2].StoryId));
        var absorbed = Assert.IsType<StoryProfile>(back[2].Absorbed);
        Assert.Equal(profile.Centroid, absorbed.Centroid);
        Assert.Equal((2, 7L, At.AddHours(3)), (absorbed.Members, absorbed.Ordinal, absorbed.LastPublished));
    }

    [Fact]
    public void ReplayInto_AMergesTwoEntries_MakeTheMergeAgain()
    {
        // Two shards as they were before the merge (what their snapshots held).
        var (older, newer) = (Article("a1", "alpha", "beta"), Article("a2", "gamma", "beta"));
        var (shardA, shardB) = (new StoryMatcher(), new StoryMatcher());
        shardA.Assign("older", older, shardA.Vectorize(older), ordinal: 0);
        shardB.Assign("newer", newer, shardB.Vectorize(newer), ordinal: 1);

        // The merge, as the journal recorded it: B let "newer" go, A folded it into "older".
        var profile = shardB.GetProfile("newer")!;
        StoryIndexJournalEntry.ForDetach("newer", "older", 5).ReplayInto(shardB);
        StoryIndexJournalEntry.ForAbsorb("older", profile, 9).ReplayInto(shardA);

        Assert.Null(shardB.GetProfile("newer"));
        Assert.Equal("older", shardB.Resolve("newer"));
        Assert.Equal(2, shardA.GetProfile("older")!.Members);
        Assert.Equal("older", shardA.Resolve("newer"));
        Assert.Contains("gamma", shardA.GetProfile("older")!.Centroid.Keys);
    }

    [Fact]
    public void ReplayInto_AnEntryOfNoKnownKindOrWithoutItsStory_IsRefusedByName()
    {
        var matcher = new StoryMatcher();
        var unknown = Assert.Throws<InvalidDataException>(() => new StoryIndexJournalEntry { Sequence = 4, StoryId = "s", Kind = (StoryIndexJournalEntryKind)9 }.ReplayInto(matcher));
        Assert.Contains("entry 4: unknown kind 9", unknown.Message, StringComparison.Ordinal);
        var detach = Assert.Throws<InvalidDataException>(() => new StoryIndexJournalEntry { Sequence = 5, StoryId = "s", Kind = StoryIndexJournalEntryKind.Detach }.ReplayInto(matcher));
        Assert.Contains("without its survivor", detach.Message, StringComparison.Ordinal);
        var absorb = Assert.Throws<InvalidDataException>(() => new StoryIndexJournalEntry { Sequence = 6, StoryId = "s", Kind = StoryIndexJournalEntryKind.Absorb }.ReplayInto(matcher));
        Assert.Contains("without the absorbed story", absorb.Message, StringComparison.Ordinal);
    }

    private static AnalysedArticle Article(string id, params string[] words) => new()
    {
        Id = id,
        Published = At,
        Terms = words.ToDictionary(w => w, _ => 1f, StringComparer.Ordinal),
    };
}
