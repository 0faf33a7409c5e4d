using LiveNews.Stories.Matching;

namespace LiveNews.Stories.Tests.Matching;

public class TermProbeTests
{
    [Fact]
    public void Dots_AreTheMergeJoinsToTheLastBit()
    {
        var random = new Random(7);
        var probe = new TermProbe();
        Span<double> merged = stackalloc double[FeatureGroups.Count];
        Span<double> probed = stackalloc double[FeatureGroups.Count];
        for (var round = 0; round < 200; round++)
        {
            var article = RandomVector(random, random.Next(0, 140), vocabulary: 600);
            var story = RandomVector(random, random.Next(0, 160), vocabulary: 600);
            merged.Clear();
            probed.Clear();

            article.Dots(story.Ids, story.Values, merged);
            probe.Load(article);
            probe.Dots(story.Ids, story.Values, probed);

            for (var g = 0; g < FeatureGroups.Count; g++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(merged[g]), BitConverter.DoubleToInt64Bits(probed[g]));
            }
        }
    }

    [Fact]
    public void Load_LaysOutEachNewVector()
    {
        var probe = new TermProbe();
        var first = new TermVector([1, 5, 9], [1f, 2f, 3f], [FeatureGroup.Words, FeatureGroup.Entities, FeatureGroup.Numbers]);
        var second = new TermVector([5, 7], [10f, 20f], [FeatureGroup.Words, FeatureGroup.Words]);
        Span<double> dots = stackalloc double[FeatureGroups.Count];

        probe.Load(first);
        probe.Dots([5, 9, 11], [1f, 1f, 1f], dots);
        Assert.Equal([0.0, 2.0, 3.0], dots.ToArray());

        dots.Clear();
        probe.Load(second);
        probe.Dots([1, 5, 7, 9], [1f, 1f, 2f, 1f], dots);
        Assert.Equal([50.0, 0.0, 0.0], dots.ToArray());
    }

    private static TermVector RandomVector(Random random, int count, int vocabulary)
    {
        var ids = Enumerable.Range(0, vocabulary).OrderBy(_ => random.Next()).Take(count).Order().ToArray();
        var values = ids.Select(_ => (float)random.NextDouble()).ToArray();
        var groups = ids.Select(_ => (FeatureGroup)random.Next(FeatureGroups.Count)).ToArray();
        return new TermVector(ids, values, groups);
    }
}
