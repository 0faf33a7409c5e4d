using LiveNews.Grains.Stories;
using Microsoft.Extensions.Time.Testing;

namespace LiveNews.Grains.Tests.Stories;

public class StoryStateHoldTests
{
    [Fact]
    public void TimeLeft_CountsDownFromTheLastUse()
    {
        var time = new FakeTimeProvider();
        var hold = new StoryStateHold(time, TimeSpan.FromSeconds(10));

        Assert.Equal(TimeSpan.FromSeconds(10), hold.TimeLeft());
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(TimeSpan.FromSeconds(6), hold.TimeLeft());
        time.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(TimeSpan.Zero, hold.TimeLeft());
        time.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(TimeSpan.Zero, hold.TimeLeft());
    }

    [Fact]
    public void Touch_StartsTheHoldAgain()
    {
        var time = new FakeTimeProvider();
        var hold = new StoryStateHold(time, TimeSpan.FromSeconds(10));
        time.Advance(TimeSpan.FromSeconds(9));

        hold.Touch();
        time.Advance(TimeSpan.FromSeconds(9));

        Assert.Equal(TimeSpan.FromSeconds(1), hold.TimeLeft());
    }

    [Fact]
    public void InfiniteHold_NeverLetsGo()
    {
        var time = new FakeTimeProvider();
        var hold = new StoryStateHold(time, Timeout.InfiniteTimeSpan);
        time.Advance(TimeSpan.FromDays(30));

        Assert.True(hold.HoldsForever);
        Assert.Equal(Timeout.InfiniteTimeSpan, hold.TimeLeft());
    }

    [Fact]
    public void ZeroHold_LetsGoAtOnce()
    {
        var hold = new StoryStateHold(new FakeTimeProvider(), TimeSpan.Zero);

        Assert.False(hold.HoldsForever);
        Assert.Equal(TimeSpan.Zero, hold.TimeLeft());
    }

    [Fact]
    public void NegativeHold_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new StoryStateHold(new FakeTimeProvider(), TimeSpan.FromSeconds(-2)));
    }
}
