using LiveNews.Stories.Matching;

namespace LiveNews.Stories.Tests.Matching;

public class CandidateHitsTests
{
    [Fact]
    public void Add_SumsEachSlotsWeight_AndSaysWhenASlotIsFirstHit()
    {
        var hits = new CandidateHits(capacity: 16);
        hits.Reset();

        Assert.True(hits.Add(7, 0.5f));
        Assert.True(hits.Add(100_007, 0.25f));
        Assert.False(hits.Add(7, 0.125f));

        Assert.Equal(2, hits.Count);
        Assert.Equal(0.625f, hits.WeightOf(7));
        Assert.Equal(0.25f, hits.WeightOf(100_007));
        Assert.Equal(0f, hits.WeightOf(8));
    }

    [Fact]
    public void Reset_ForgetsTheLastMatchsHits_WithoutClearingTheTable()
    {
        var hits = new CandidateHits(capacity: 16);
        hits.Reset();
        hits.Add(3, 1f);
        hits.Add(4, 2f);

        hits.Reset();

        Assert.Equal(0, hits.Count);
        Assert.Equal(0f, hits.WeightOf(3));
        Assert.True(hits.Add(4, 0.5f));
        Assert.Equal(0.5f, hits.WeightOf(4));
    }

    [Fact]
    public void Add_BeyondHalfTheTable_GrowsAndKeepsEveryHit()
    {
        var hits = new CandidateHits(capacity: 16);
        hits.Reset();
        var slots = Enumerable.Range(0, 500).Select(i => i * 4096).ToArray();

        foreach (var slot in slots)
        {
            Assert.True(hits.Add(slot, 1f));
            hits.Add(slot, slot / 4096f);
        }

        Assert.Equal(500, hits.Count);
        Assert.True(hits.Capacity >= 1000);
        Assert.All(slots, slot => Assert.Equal(1f + (slot / 4096f), hits.WeightOf(slot)));
    }
}
