using LiveNews.Stories.Facts;

namespace LiveNews.Stories.Tests.Facts;

public class FactFingerprintTests
{
    [Fact]
    public void ContainmentOfSorted_IsContainmentToTheLastBit()
    {
        var random = new Random(11);
        for (var round = 0; round < 500; round++)
        {
            // Small feature values so that content and fact share some, and content repeats some
            // (two entities with one last word count twice).
            var content = Enumerable.Range(0, random.Next(0, 30)).Select(_ => random.Next(0, 60)).ToArray();
            var fact = new KnownFact
            {
                Text = "a fact",
                Features = FactFeatures.SortedDistinct([.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next(0, 60))]),
            };
            var sorted = content.Order().ToArray();

            var searched = FactFingerprint.Containment(content, fact);
            var merged = FactFingerprint.ContainmentOfSorted(sorted, fact);

            Assert.Equal(BitConverter.DoubleToInt64Bits(searched), BitConverter.DoubleToInt64Bits(merged));
        }
    }

    [Fact]
    public void ContainmentOfSorted_CountsARepeatedFeatureEachTime()
    {
        var fact = new KnownFact { Text = "Zelensky postponed his visit", Features = [3, 7, 9] };

        Assert.Equal(3 / 4.0, FactFingerprint.ContainmentOfSorted([3, 3, 5, 9], fact));
        Assert.Equal(0, FactFingerprint.ContainmentOfSorted([], fact));
        Assert.Equal(0, FactFingerprint.ContainmentOfSorted([1, 2, 10], fact));
    }
}
