using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Globalization;

namespace LiveNews.Benchmarks;

/// <summary>
/// Which types a run allocates, from the runtime's allocation ticks (one event about every 100 KB allocated,
/// naming the type of the object that crossed the mark): a sampled picture of where the bytes go, with no
/// profiler attached. Start it before the loop and print it after.
/// </summary>
internal sealed class AllocationSampler : EventListener
{
    private const int AllocationTickEvent = 10;
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _bytesByType = new(StringComparer.Ordinal);

    protected override void OnEventSourceCreated(EventSource eventSource)
    {
        if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
        {
            EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
        }
    }

    protected override void OnEventWritten(EventWrittenEventArgs eventData)
    {
        if (eventData.EventId != AllocationTickEvent || eventData.PayloadNames is null)
        {
            return;
        }

        var type = eventData.PayloadNames.IndexOf("TypeName") is var t and >= 0 ? eventData.Payload![t] as string ?? "?" : "?";
        var amount = eventData.PayloadNames.IndexOf("AllocationAmount64") is var a and >= 0 ? Convert.ToInt64(eventData.Payload![a], CultureInfo.InvariantCulture) : 0;
        _bytesByType.AddOrUpdate(type, amount, (_, sum) => sum + amount);
    }

    /// <summary>The types that took the most sampled bytes, with their share.</summary>
    public void Print(int top, long versions)
    {
        var total = Math.Max(1, _bytesByType.Values.Sum());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"allocation ticks: {total / 1024.0 / versions:F1} KiB a version sampled"));
        foreach (var (type, bytes) in _bytesByType.OrderByDescending(p => p.Value).Take(top))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{100.0 * bytes / total,6:F1}%  {bytes / 1024.0 / versions,7:F2} KiB/version  {type}"));
        }
    }
}
