using System.Diagnostics.Tracing;

namespace LiveNews.Server.Replay;

/// <summary>
/// Times each pause of the garbage collector during a replay, from the runtime's own events (the execution
/// engine suspended, then restarted), and tells which generation's collection it belonged to: the tail of
/// the latency is mostly these pauses, and the summary names the longest.
/// </summary>
public sealed class GcPauseListener : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private const int GcStartEvent = 1;
    private const int RestartEnded = 3;
    private const int SuspendBegan = 9;
    private const int SuspendEnded = 8;

    private readonly Lock _gate = new();
    private readonly double[] _longest = new double[3];
    private readonly double[] _total = new double[3];
    private int _generation;
    private DateTime? _suspended;
    private double _longestSuspension;
    private bool _stopped;

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Informational, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        lock (_gate)
        {
            if (_stopped)
            {
                return;
            }

            switch (eventData.EventId)
            {
                case GcStartEvent when eventData.PayloadNames?.IndexOf("Depth") is int depth and >= 0:
                    _generation = Math.Clamp(Convert.ToInt32(eventData.Payload![depth], System.Globalization.CultureInfo.InvariantCulture), 0, 2);
                    break;
                case SuspendBegan:
                    _suspended = eventData.TimeStamp;
                    break;
                case SuspendEnded when _suspended is { } asked:
                    _longestSuspension = Math.Max(_longestSuspension, (eventData.TimeStamp - asked).TotalMilliseconds);
                    break;
                case RestartEnded when _suspended is { } began:
                    var pause = (eventData.TimeStamp - began).TotalMilliseconds;
                    _suspended = null;
                    _total[_generation] += pause;
                    _longest[_generation] = Math.Max(_longest[_generation], pause);
                    break;
            }
        }
    }

    /// <summary>The pauses so far.</summary>
    public GcPauses Snapshot()
    {
        lock (_gate)
        {
            return new GcPauses([.. _longest], [.. _total]) { LongestSuspension = _longestSuspension };
        }
    }

    /// <summary>The pauses so far, and no more from now on.</summary>
    public GcPauses Stop()
    {
        lock (_gate)
        {
            _stopped = true;
            return Snapshot();
        }
    }
}

/// <summary>The longest and the total pause of each generation's collections, in milliseconds.</summary>
public sealed record GcPauses(double[] Longest, double[] Total)
{
    /// <summary>The longest wait for the threads to stop at the start of a pause, in milliseconds.</summary>
    public double LongestSuspension { get; init; }
}
