using System.Globalization;

namespace LiveNews.Benchmarks;

/// <summary>
/// Records each garbage collection of the measured loop (polled after every version with
/// <see cref="GC.GetGCMemoryInfo(GCKind)"/>): its generation, pause and the bytes it promoted, so the
/// report can say which collections the pauses come from and how much of the engine's state they copy.
/// </summary>
internal sealed class CollectionRecorder
{
    private readonly List<(int Generation, TimeSpan Pause, long Promoted, bool Compacted)> _collections = [];
    private long _lastIndex = GC.GetGCMemoryInfo(GCKind.Any).Index;

    public void Poll()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        if (info.Index == _lastIndex)
        {
            return;
        }

        if (info.Index > _lastIndex + 1)
        {
            // More than one collection since the last poll: only the newest is described.
            _collections.Add((-1, TimeSpan.Zero, 0, false));
        }

        _lastIndex = info.Index;
        var pause = TimeSpan.Zero;
        foreach (var p in info.PauseDurations)
        {
            pause += p;
        }

        _collections.Add((info.Generation, pause, info.PromotedBytes, info.Compacted));
    }

    public void Print()
    {
        foreach (var group in _collections.GroupBy(c => c.Generation).OrderBy(g => g.Key))
        {
            var label = group.Key < 0 ? "missed" : "gen" + group.Key.ToString(CultureInfo.InvariantCulture);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {label}: {group.Count()} collections, pause {group.Average(c => c.Pause.TotalMilliseconds):F1} ms each ({group.Sum(c => c.Pause.TotalMilliseconds):F0} ms in all), promoted {group.Average(c => c.Promoted) / 1048576.0:F1} MiB each, {group.Count(c => c.Compacted)} compacting"));
        }
    }
}
