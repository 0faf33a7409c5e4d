using LiveNews.Stories.Facts;

namespace LiveNews.Stories.Tests.Facts;

public class FactFeatureIndexTests
{
    [Fact]
    public void Lookup_FindsEveryFactCarryingAFeature_BeforeAndAfterTheTailIsMerged()
    {
        var index = new FactFeatureIndex();
        index.Add(["zelenski", "postpon", "visit", "@zelensky"], 0);
        index.Add(["riyadh", "talk", "@lavrov", "@rubio"], 1);
        index.Add(["postpon", "summit"], 2);

        Assert.Equal([0, 2], index.Lookup("postpon").Order());
        Assert.Equal([1], index.Lookup("@lavrov"));
        Assert.Empty(index.Lookup("ceasefire"));

        // Enough further facts to merge the tail into the sorted part, and some after that.
        for (var position = 3; position < 200; position++)
        {
            index.Add(["word" + position, position % 10 == 0 ? "postpon" : "other"], position);
        }

        Assert.Equal(4 + 4 + 2 + (197 * 2), index.Count);
        Assert.Equal([0, 2, .. Enumerable.Range(3, 197).Where(p => p % 10 == 0)], index.Lookup("postpon").Order());
        Assert.Equal([1], index.Lookup("@lavrov"));
        Assert.Equal([150], index.Lookup("word150"));
        Assert.Equal([199], index.Lookup("word199"));
    }
}
