namespace LiveNews.Feeds.Polling;

/// <summary>How often feeds are polled (configuration "LiveNews:Feeds:Schedule").</summary>
public sealed class PollScheduleOptions
{
    public TimeSpan MinInterval { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromHours(1);

    public TimeSpan DefaultInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Random spread of each interval, as a share (0.1 = plus or minus 10%).</summary>
    public double Jitter { get; set; } = 0.1;

    /// <summary>After this many failures in a row the feed is paused (with its reason visible).</summary>
    public int PauseAfterFailures { get; set; } = 20;
}
