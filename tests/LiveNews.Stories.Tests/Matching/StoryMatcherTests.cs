using LiveNews.Stories.Analysis;
using LiveNews.Stories.Matching;

namespace LiveNews.Stories.Tests.Matching;

/// <summary>The matcher's compact vectors and centroids: interned term ids in sorted arrays, turned back into names at its edges.</summary>
public class StoryMatcherTests
{
    private static readonly DateTimeOffset At = new(2025, 2, 18, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Vectorize_GivesEachFeatureGroupUnitLength()
    {
        var matcher = new StoryMatcher();
        var vector = matcher.Vectorize(Article("a", ("riyadh", 3f), ("talk", 2f), ("@lavrov", 2f), ("@rubio", 1f), ("#2025", 1f)));

        Assert.Equal(5, vector.Count);
        Assert.True(vector.Has(FeatureGroup.Words) && vector.Has(FeatureGroup.Entities) && vector.Has(FeatureGroup.Numbers));
        matcher.Assign("s", Article("a", ("riyadh", 3f)), vector);
        var profile = matcher.GetProfile("s")!;
        foreach (var group in new[] { FeatureGroup.Words, FeatureGroup.Entities, FeatureGroup.Numbers })
        {
            var norm = Math.Sqrt(profile.Centroid.Where(e => FeatureGroups.Of(e.Key) == group).Sum(e => e.Value * (double)e.Value));
            Assert.Equal(1.0, norm, 5);
            Assert.Equal(norm, profile.GroupNorms[(int)group], 5);
        }
    }

    [Fact]
    public void Assign_AddsVectorsTermByTerm_AndKeepsTheStrongestTermsWhenTheCentroidGrows()
    {
        var options = new StoryEngineOptions { StoryTerms = 3 };
        var matcher = new StoryMatcher(options);
        var first = Article("a1", ("alpha", 4f), ("beta", 1f));
        var second = Article("a2", ("alpha", 4f), ("gamma", 2f));
        var firstVector = matcher.Vectorize(first);
        var secondVector = matcher.Vectorize(second);
        matcher.Assign("s", first, firstVector);
        matcher.Assign("s", second, secondVector);

        var centroid = matcher.GetProfile("s")!.Centroid;
        Assert.Equal(["alpha", "beta", "gamma"], centroid.Keys.Order(StringComparer.Ordinal));
        Assert.True(centroid["alpha"] > centroid["gamma"] && centroid["gamma"] > centroid["beta"]);

        // More than twice StoryTerms: pruned to the three strongest.
        foreach (var (id, word) in new[] { ("a3", "delta"), ("a4", "epsilon"), ("a5", "zeta"), ("a6", "eta") })
        {
            var article = Article(id, ("alpha", 4f), (word, 0.5f));
            matcher.Assign("s", article, matcher.Vectorize(article));
        }

        centroid = matcher.GetProfile("s")!.Centroid;
        Assert.InRange(centroid.Count, 3, 6);
        Assert.Contains("alpha", centroid.Keys);
        Assert.Contains("gamma", centroid.Keys);
    }

    [Fact]
    public void Absorb_FromAMatcherThatNumberedItsTermsOtherwise_AddsCentroidsByName()
    {
        var one = Article("a1", ("alpha", 2f), ("beta", 1f), ("@lavrov", 1f));
        var two = Article("a2", ("gamma", 2f), ("beta", 1f), ("@rubio", 1f));
        var (shardA, shardB) = (new StoryMatcher(), new StoryMatcher());

        // The shards learn the same articles in other orders, so their term ids differ.
        var vectorA = shardA.Vectorize(one);
        shardA.Vectorize(two);
        var vectorB = shardB.Vectorize(two);
        shardB.Vectorize(one);
        shardA.Assign("older", one, vectorA, ordinal: 0);
        shardB.Assign("newer", two, vectorB, ordinal: 1);
        var before = shardA.GetProfile("older")!.Centroid;
        var moved = shardB.Detach("newer", survivor: "older")!;
        shardA.Absorb("older", moved);

        var merged = shardA.GetProfile("older")!;
        Assert.Equal(2, merged.Members);
        foreach (var term in new[] { "alpha", "beta", "gamma", "@lavrov", "@rubio" })
        {
            Assert.Equal(before.GetValueOrDefault(term) + moved.Centroid.GetValueOrDefault(term), merged.Centroid[term], 5);
        }

        Assert.Null(shardB.GetProfile("newer"));
        Assert.Equal("older", shardB.Resolve("newer"));

        // The absorbed article's own terms now find the surviving story.
        var again = Article("a3", ("gamma", 2f), ("beta", 1f), ("@rubio", 1f));
        Assert.Equal("older", shardA.Match(again, shardA.Vectorize(again)).StoryId);
    }

    [Fact]
    public void Index_APostingListOverItsLimit_KeepsTheNewestLiveStoriesOnceEach()
    {
        // Four entries a term, cut back when a list passes five; stories are re-indexed while they are small.
        var matcher = new StoryMatcher(new StoryEngineOptions { PostingsPerTerm = 4 });
        void Add(string storyId, string articleId)
        {
            var article = Article(articleId, ("sandy", 1f), ("u" + articleId, 1f));
            matcher.Assign(storyId, article, matcher.Vectorize(article), ordinal: int.Parse(storyId[1..], System.Globalization.CultureInfo.InvariantCulture));
        }

        for (var i = 0; i < 10; i++)
        {
            Add($"s{i}", $"a{i}");
        }

        // The list now holds s6 to s9. s7 leaves (merged away); s6 and then s9 are updated and filed again at
        // the end, which takes the list over its limit: s9, s6 and s8 are kept (s9 and s6 once, s7 not at all).
        matcher.Detach("s7", survivor: "s8");
        Add("s6", "a6b");
        Add("s9", "a9b");
        Add("s10", "a10");

        var snapshot = matcher.ToSnapshot();
        var filed = snapshot.Postings!["sandy"].Select(position => snapshot.Stories[position].StoryId).ToList();
        Assert.Equal(["s8", "s6", "s9", "s10"], filed);
    }

    [Fact]
    public void ScoreAgainst_AverageLinkage_IsTheMeanOfTheScoresWithEachMember()
    {
        var (alone, mixed) = ScoresAgainstAMixedStory(StoryLinkage.Average);

        // The newcomer shares terms with the first member only: the mixed story scores half of that.
        Assert.True(alone.First > 0.3, $"first member alone: {alone.First}");
        Assert.Equal(0.0, alone.Second, 6);
        Assert.Equal((alone.First + alone.Second) / 2, mixed, 6);
    }

    [Fact]
    public void ScoreAgainst_CentroidLinkage_RatesAMixedStoryAboveTheMeanOfItsMembers()
    {
        var (alone, mixed) = ScoresAgainstAMixedStory(StoryLinkage.Centroid);

        // Two members that share nothing make a centroid of length sqrt(2), not 2: the mixed story
        // looks closer (1/sqrt(2) of the first member's score) than the mean of its members (1/2).
        Assert.Equal(alone.First / Math.Sqrt(2), mixed, 6);
        Assert.True(mixed > (alone.First + alone.Second) / 2);
    }

    [Fact]
    public void ScoreAgainst_AverageLinkage_ChargesALargeStoryAtMostSlackMembersOfDisagreement()
    {
        // Twelve versions of one developing story, each telling a fact of its own beside the common one.
        var members = Enumerable.Range(0, 12).Select(i => Article($"v{i}", ("summit", 2f), ($"fact{i}", 2f))).ToList();
        var newcomer = Article("latest", ("summit", 2f), ("fresh", 1f));
        var scores = new Dictionary<StoryLinkage, double>();
        double norm = 0;
        foreach (var linkage in new[] { StoryLinkage.Average, StoryLinkage.Centroid })
        {
            var matcher = new StoryMatcher(new StoryEngineOptions { Linkage = linkage, LinkageSlack = 3 });
            foreach (var member in members.Append(newcomer))
            {
                matcher.Vectorize(member);
            }

            foreach (var member in members)
            {
                matcher.Assign("developing", member, matcher.Vectorize(member, learn: false));
            }

            scores[linkage] = matcher.ScoreAgainst(newcomer, ["developing"]).Score;
            norm = matcher.GetProfile("developing")!.GroupNorms[(int)FeatureGroup.Words];
        }

        // The members disagree (the sum is shorter than twelve by more than the slack), so the mean of the
        // cosines would divide by 12; the cap divides by the sum's length plus 3.
        Assert.True(norm + 3 < members.Count, $"sum length {norm}");
        Assert.Equal(scores[StoryLinkage.Centroid] * norm / (norm + 3), scores[StoryLinkage.Average], 6);
        Assert.True(scores[StoryLinkage.Average] > scores[StoryLinkage.Centroid] * norm / members.Count);
    }

    /// <summary>
    /// Scores of a newcomer against a story of each of two unrelated articles alone and against a story
    /// holding both, with document frequencies learned once so that every vector is the same.
    /// </summary>
    private static ((double First, double Second) Alone, double Mixed) ScoresAgainstAMixedStory(StoryLinkage linkage)
    {
        var matcher = new StoryMatcher(new StoryEngineOptions { Linkage = linkage });
        var quake = Article("quake", ("earthquak", 3f), ("magnitud", 2f), ("@indonesia", 2f));
        var arrest = Article("arrest", ("arrest", 3f), ("drunk", 2f), ("@chargers", 2f));
        var newcomer = Article("aftershock", ("earthquak", 2f), ("aftershock", 2f), ("@indonesia", 1f));
        matcher.Vectorize(quake);
        matcher.Vectorize(arrest);
        matcher.Vectorize(newcomer);
        var quakeVector = matcher.Vectorize(quake, learn: false);
        var arrestVector = matcher.Vectorize(arrest, learn: false);
        matcher.Assign("quake-only", quake, quakeVector);
        matcher.Assign("arrest-only", arrest, arrestVector);
        matcher.Assign("mixed", quake, quakeVector);
        matcher.Assign("mixed", arrest, arrestVector);

        var first = matcher.ScoreAgainst(newcomer, ["quake-only"]).Score;
        var second = matcher.ScoreAgainst(newcomer, ["arrest-only"]).Score;
        var mixed = matcher.ScoreAgainst(newcomer, ["mixed"]).Score;
        return ((first, second), mixed);
    }

    private static AnalysedArticle Article(string id, params (string Term, float Weight)[] terms) => new()
    {
        Id = id,
        Published = At,
        Terms = terms.ToDictionary(t => t.Term, t => t.Weight, StringComparer.Ordinal),
        Entities = terms.Where(t => t.Term.StartsWith('@')).ToDictionary(t => t.Term[1..], _ => 1, StringComparer.Ordinal),
    };
}
