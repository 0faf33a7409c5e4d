using LiveNews.Text.Tokens;

namespace LiveNews.Text.Tests.Tokens;

/// <summary>Equal stems are one string across threads, and the pool that makes them so stays bounded.</summary>
public class StemPoolTests
{
    [Fact]
    public async Task Stem_TheSameWordOnTwoThreads_GivesOneString()
    {
        // A made-up word of this run: no other test stems it, and each new thread has an empty cache.
        var word = "zorblaxing" + new string([.. Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(6)]);
        var first = await Task.Factory.StartNew(() => Stemmer.Stem(word), TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var second = await Task.Factory.StartNew(() => Stemmer.Stem(new string(word.AsSpan())), TestContext.Current.CancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        Assert.Equal(first, second);
        Assert.Same(first, second);
        Assert.StartsWith("zorblax", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Share_PastTheLimit_StartsAgain_AndStaysBounded()
    {
        for (var i = 0; i < StemPool.Limit + 1_000; i++)
        {
            StemPool.Share("stem" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(StemPool.Count <= StemPool.Limit, $"{StemPool.Count} stems after {i + 1}");
        }

        // Still sharing after it started again.
        var one = StemPool.Share(new string("afterwards".AsSpan()));
        Assert.Same(one, StemPool.Share(new string("afterwards".AsSpan())));
    }
}
