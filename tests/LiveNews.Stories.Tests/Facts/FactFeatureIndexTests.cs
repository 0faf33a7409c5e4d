using LiveNews.Stories.Facts;

namespace LiveNews.Stories.Tests.Facts;

public class FactFeatureIndexTests
{
    [Fact]
    public void Lookup_FindsEveryFactCarryingAFeature_BeforeAndAfterTheTailIsMerged()
    {
        var index = new FactFeatureIndex();
        static int[] F(params string[] stems) => [.. stems.Select(FactFeatures.Stem)];
        index.Add(F("zelenski", "postpon", "visit", "@zelensky"), 0);
        index.Add(F("riyadh", "talk", "@lavrov", "@rubio"), 1);
        index.Add(F("postpon", "summit"), 2);

        Assert.Equal([0, 2], index.Lookup(FactFeatures.Stem("postpon")).Order());
        Assert.Equal([1], index.Lookup(FactFeatures.Stem("@lavrov")));
        Assert.Empty(index.Lookup(FactFeatures.Stem("ceasefire")));

        // Enough further facts to merge the tail into the sorted part, and some after that.
        for (var position = 3; position < 200; position++)
        {
            index.Add(F("word" + position, position % 10 == 0 ? "postpon" : "other"), position);
        }

        Assert.Equal(4 + 4 + 2 + (197 * 2), index.Count);
        Assert.Equal([0, 2, .. Enumerable.Range(3, 197).Where(p => p % 10 == 0)], index.Lookup(FactFeatures.Stem("postpon")).Order());
        Assert.Equal([1], index.Lookup(FactFeatures.Stem("@lavrov")));
        Assert.Equal([150], index.Lookup(FactFeatures.Stem("word150")));
        Assert.Equal([199], index.Lookup(FactFeatures.Stem("word199")));
    }

    [Fact]
    public void Of_FindsWhatAddingFactByFactFinds_AndLeavesFiguresOut()
    {
        var facts = Enumerable.Range(0, 150).Select(i => new KnownFact
        {
            Text = "fact " + i,
            Features = FactFeatures.SortedDistinct([FactFeatures.Stem("word" + (i % 17)), FactFeatures.Stem("only" + i), FactFeatures.Entity("name" + (i % 5)), FactFeatures.Number(i.ToString(System.Globalization.CultureInfo.InvariantCulture))]),
        }).ToList();
        var added = new FactFeatureIndex();
        for (var position = 0; position < facts.Count; position++)
        {
            added.Add([.. facts[position].Features.Where(f => FactFeatures.KindOf(f) != FactFeatures.NumberKind)], position);
        }

        var built = FactFeatureIndex.Of(facts);

        Assert.Equal(added.Count, built.Count);
        Assert.Equal(150 * 3, built.Count);
        foreach (var feature in facts.SelectMany(f => f.Features).Distinct())
        {
            Assert.Equal(added.Lookup(feature).Order(), built.Lookup(feature).Order());
        }

        Assert.Empty(built.Lookup(FactFeatures.Number("7")));
        Assert.Equal(Enumerable.Range(0, 150).Where(i => i % 17 == 3), built.Lookup(FactFeatures.Stem("word3")).Order());
    }

    [Fact]
    public void Rebuild_InLongerArrays_FindsWhatAFreshIndexFinds_AndForgetsTheFactsBefore()
    {
        static KnownFact Fact(int i) => new()
        {
            Text = "fact " + i,
            Features = FactFeatures.SortedDistinct([FactFeatures.Stem("word" + (i % 7)), FactFeatures.Stem("only" + i), FactFeatures.Entity("name" + (i % 3))]),
        };
        var many = Enumerable.Range(0, 60).Select(Fact).ToList();
        var few = Enumerable.Range(100, 5).Select(Fact).ToList();
        var index = new FactFeatureIndex();
        index.Rebuild(many);
        index.Add(Fact(999), many.Count);

        // The second story's facts are fewer: the arrays stay, the count and the tail go.
        index.Rebuild(few);
        var fresh = FactFeatureIndex.Of(few);

        Assert.Equal(fresh.Count, index.Count);
        Assert.Equal(5 * 3, index.Count);
        foreach (var feature in many.Concat(few).SelectMany(f => f.Features).Append(FactFeatures.Stem("only999")).Distinct())
        {
            Assert.Equal(fresh.Lookup(feature).Order(), index.Lookup(feature).Order());
        }

        Assert.Empty(index.Lookup(FactFeatures.Stem("only30")));
        Assert.Empty(index.Lookup(FactFeatures.Stem("only999")));
        int[] content = [FactFeatures.Stem("word2"), FactFeatures.Entity("name1"), FactFeatures.Stem("only30")];
        var shared = new int[few.Count];
        var met = new int[few.Count];
        var count = index.CountShared(content, shared, met);
        Assert.Equal(Enumerable.Range(0, 5).Count(p => (100 + p) % 7 == 2 || (100 + p) % 3 == 1), count);
        Assert.All(Enumerable.Range(0, 5), p => Assert.Equal(((100 + p) % 7 == 2 ? 1 : 0) + ((100 + p) % 3 == 1 ? 1 : 0), shared[p]));
    }

    [Fact]
    public void CountShared_CountsWhatContainmentMeasures_InTheOrderLookupsMeetTheFacts()
    {
        var facts = Enumerable.Range(0, 120).Select(i => new KnownFact
        {
            Text = "fact " + i,
            Features = FactFeatures.SortedDistinct([FactFeatures.Stem("word" + (i % 7)), FactFeatures.Stem("also" + (i % 3)), FactFeatures.Entity("name" + (i % 5)), FactFeatures.Number("9")]),
        }).ToList();
        var index = FactFeatureIndex.Of(facts.Take(100).ToList());
        for (var position = 100; position < facts.Count; position++)
        {
            index.Add(facts[position], position);
        }

        int[] content = [FactFeatures.Stem("word3"), FactFeatures.Entity("name1"), FactFeatures.Stem("also0"), FactFeatures.Stem("absent")];
        var shared = new int[facts.Count];
        var metPositions = new int[facts.Count];
        var met = metPositions.AsSpan(0, index.CountShared(content, shared, metPositions)).ToArray();

        for (var position = 0; position < facts.Count; position++)
        {
            Assert.Equal(FactFingerprint.Containment(content, facts[position]) * content.Length, shared[position], 9);
        }

        var expectedOrder = content.SelectMany(index.Lookup).Distinct().ToList();
        Assert.Equal(expectedOrder, met);
        Assert.Contains(met, p => shared[p] == 3);

        // Positions beyond the counts given (facts forgotten since) are left out.
        var fewer = new int[50];
        var metFewer = new int[50];
        var metCount = index.CountShared(content, fewer, metFewer);
        Assert.InRange(metCount, 1, 50);
        Assert.All(metFewer[..metCount], p => Assert.True(p < 50));

        // Room for every position counted is required.
        Assert.Throws<ArgumentException>(() => index.CountShared(content, new int[10], new int[5]));
    }
}
