using System.Diagnostics;
using System.Globalization;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;
using LiveNews.Text.Memory;

namespace LiveNews.Benchmarks;

/// <summary>
/// The engine alone on the benchmark's stream, as a plain loop rather than BenchmarkDotNet: fills the engine
/// with N live stories, then processes the measured stream once and prints versions per second and the
/// share of analysis. Meant to run under a profiler (dotnet-trace) or for a quick figure; the BenchmarkDotNet
/// `engine` run is the figure of record.
/// </summary>
internal static class ThroughputReport
{
    public static void Run(int liveStories, int versions, bool sampleAllocations = false, bool recordCollections = false, HugePageMode hugePages = HugePageMode.Off, bool warmUp = true)
    {
        if (warmUp)
        {
            SteadyState.WarmUp();
        }

        var engine = new StoryEngine();
        var fill = Stopwatch.StartNew();
        var articles = new SyntheticStream(seed: 42).FillThenMix(engine, liveStories, versions, new DateTimeOffset(2025, 2, 18, 0, 0, 0, TimeSpan.Zero));
        fill.Stop();

        // As the server does with LiveNews:Runtime:HugePages (hugepages=collapse; off by default).
        var pages = ManagedHeapPages.Apply(hugePages);

        // Process() is AnalyzePage then RoutePage; timed apart here.
        var analysis = new Stopwatch();
        var clock = Stopwatch.StartNew();
        var compiled = SteadyState.Now();
        var gcBefore = GC.GetTotalPauseDuration();
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        using var sampler = sampleAllocations ? new AllocationSampler() : null;
        var recorder = recordCollections ? new CollectionRecorder() : null;
        foreach (var article in articles)
        {
            analysis.Start();
            var parts = engine.Analyzer.AnalyzePage(article);
            analysis.Stop();
            engine.RoutePage(parts);
            recorder?.Poll();
        }

        clock.Stop();
        var gc = GC.GetTotalPauseDuration() - gcBefore;
        var allocated = (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1024.0 / versions;
        var collections = string.Join('/', Enumerable.Range(0, 3).Select(g => GC.CollectionCount(g) - collectionsBefore[g]));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"fill ({engine.StoryCount} stories) and stream: {fill.Elapsed.TotalSeconds:F1} s; measured: {versions} versions in {clock.Elapsed.TotalSeconds:F2} s = {versions / clock.Elapsed.TotalSeconds:F0} versions/s, {clock.Elapsed.TotalMicroseconds / versions:F1} us each (analysis {analysis.Elapsed.TotalMicroseconds / versions:F1} us, GC pauses {gc.TotalMicroseconds / versions:F1} us); allocated {allocated:F1} KiB each; collections gen0/1/2 {collections} ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC, {System.Runtime.GCSettings.LatencyMode}); live stories {engine.StoryCount}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"managed heap pages: {hugePages}, {pages.CollapsedBytes >> 20} MiB rebuilt after the fill, {Math.Max(0, ManagedHeapPages.HugePageBytes()) >> 20} MiB in huge pages at the end{(pages.Problem is null ? "" : "; " + pages.Problem)}"));
        Console.WriteLine(SteadyState.CompiledSince(compiled) + (warmUp ? $" (after a warm-up of {SteadyState.WarmUpVersions} versions on a throwaway engine)" : " (no warm-up)"));
        sampler?.Print(25, versions);
        recorder?.Print();
    }
}
