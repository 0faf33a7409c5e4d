using System.Globalization;

namespace LiveNews.Server.Replay;

/// <summary>What a replay did: counts, speed and in-to-out latency, printed to standard error.</summary>
public sealed record ReplaySummary(int ArticleVersions, int Rejected, int Stories, int Events, double Seconds)
{
    public double VersionsPerSecond => Seconds > 0 ? ArticleVersions / Seconds : 0;

    /// <summary>In-to-out latency (from when a version was offered to when its last event left the "stories" stream), milliseconds.</summary>
    public LatencyPercentiles? Latency { get; init; }

    /// <summary>The garbage collections during the run and the time they paused the process (null when not measured).</summary>
    public GarbageCollections? Collections { get; init; }

    /// <summary>The node's managed heap after the run and a full collection, in bytes (0 when not measured).</summary>
    public long HeapBytes { get; init; }

    /// <summary>
    /// The heap once the node's idle grains were collected and its index shards woken again (0 when not
    /// measured): what a node keeps for stories that have gone quiet (their state in storage, their index entry).
    /// </summary>
    public long QuietHeapBytes { get; init; }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"article versions: {ArticleVersions}, rejected lines: {Rejected}, stories: {Stories}, events: {Events}, seconds: {Seconds:F2}, versions per second: {VersionsPerSecond:F1}")
        + (Latency is { } l ? string.Create(CultureInfo.InvariantCulture, $", latency ms p50: {l.P50:F1}, p99: {l.P99:F1}, max: {l.Max:F1}") : "")
        + (Latency?.P99AfterFirstSecond is { } settled ? string.Create(CultureInfo.InvariantCulture, $", p99 after the first second: {settled:F1}") : "")
        + (Collections is { } gc ? string.Create(CultureInfo.InvariantCulture, $", GC gen0/1/2: {gc.Gen0}/{gc.Gen1}/{gc.Gen2}, GC pauses ms: {gc.PauseMilliseconds:F0}") : "")
        + (Collections?.Pauses is { } p ? string.Create(CultureInfo.InvariantCulture, $", longest GC pause ms gen0/1/2: {p.Longest[0]:F0}/{p.Longest[1]:F0}/{p.Longest[2]:F0} (threads stopped in {p.LongestSuspension:F0} at most)") : "")
        + Heap("heap", HeapBytes)
        + Heap("quiet heap", QuietHeapBytes);

    private string Heap(string label, long bytes) => bytes > 0
        ? string.Create(CultureInfo.InvariantCulture, $", {label} MiB: {bytes / 1048576.0:F0} ({bytes / 1024.0 / Math.Max(1, Stories):F1} KiB a story)")
        : "";
}

/// <summary>Latency percentiles in milliseconds.</summary>
public sealed record LatencyPercentiles(double P50, double P99, double Max)
{
    /// <summary>The 99th percentile of the versions offered after the run's first second (null when none were).</summary>
    public double? P99AfterFirstSecond { get; init; }
}
