using LiveNews.Stories.Matching;

namespace LiveNews.Stories.Tests.Matching;

public sealed class StrongestTermsTests
{
    [Fact]
    public void KthLargest_MatchesASortOnRandomWeightsWithTies()
    {
        var random = new Random(7);
        for (var round = 0; round < 500; round++)
        {
            var n = random.Next(1, 300);

            // Few distinct values, so that many weights tie (as terms with one count and one idf do).
            var values = Enumerable.Range(0, n).Select(_ => (float)random.Next(0, 1 + random.Next(1, 40)) / 7f).ToArray();
            var sorted = values.OrderByDescending(v => v).ToArray();
            var k = random.Next(1, n + 1);

            var kth = StoryMatcher.KthLargest(values.ToArray(), k);

            Assert.Equal(sorted[k - 1], kth);
        }
    }

    [Fact]
    public void KthLargest_OfAllEqualValues_IsThatValue()
    {
        Assert.Equal(2f, StoryMatcher.KthLargest(new float[] { 2, 2, 2, 2, 2 }, 3));
    }

    [Fact]
    public void KthLargest_FirstAndLast_AreMaximumAndMinimum()
    {
        float[] values = [0.5f, 3f, -1f, 2.5f, 3f, 0f];

        Assert.Equal(3f, StoryMatcher.KthLargest(values.ToArray(), 1));
        Assert.Equal(-1f, StoryMatcher.KthLargest(values.ToArray(), values.Length));
    }
}
