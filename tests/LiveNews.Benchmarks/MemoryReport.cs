using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using LiveNews.Stories.Engine;

namespace LiveNews.Benchmarks;

/// <summary>
/// Retained memory per live story: the engine's whole state (index, analyser and story states) after N
/// stories of one version each, or after an article stream (such as a generated one, several versions a
/// story), with the story states' share measured apart.
/// </summary>
public static class MemoryReport
{
    public static void Run(int stories)
    {
        var stream = new SyntheticStream(seed: 11);
        var time = new DateTimeOffset(2025, 2, 18, 0, 0, 0, TimeSpan.Zero);
        var articles = Enumerable.Range(0, stories * 2).Select(i => stream.NextNewStory(time.AddSeconds(i))).ToList();
        var before = Measure();
        var engine = new StoryEngine();
        foreach (var article in articles)
        {
            if (engine.StoryCount >= stories)
            {
                break;
            }

            engine.Process(article);
        }

        Report(engine, before, versions: engine.StoryCount);
        GC.KeepAlive(articles);
    }

    /// <summary>The engine after every version of <paramref name="path"/> (article JSONL), read line by line.</summary>
    public static void RunStream(string path)
    {
        var before = Measure();
        var engine = new StoryEngine();
        var versions = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                engine.Process(LiveNews.Stories.Tests.CorpusReader.ReadLine(line));
                versions++;
            }
        }

        Report(engine, before, versions);
    }

    private static void Report(StoryEngine engine, long before, int versions)
    {
        var after = Measure();
        var count = Math.Max(1, engine.StoryCount);
        var stored = StoredBytes(engine);
        var states = StatesBytes(engine, after);
        Console.WriteLine($"live stories: {count} ({versions / (double)count:F1} versions each), retained: {(after - before) / 1024.0 / 1024.0:F1} MiB, "
            + $"per story: {(after - before) / 1024.0 / count:F1} KiB (story states {states / 1024.0 / count:F1} KiB, index and analyser {(after - before - states) / 1024.0 / count:F1} KiB); "
            + $"stored story state (System.Text.Json, Brotli fastest; the grains wrap this JSON in Orleans' binary form): {stored / 1024.0 / count:F1} KiB");
        GC.KeepAlive(engine);
    }

    /// <summary>
    /// The story states about as the grains store them: System.Text.Json compressed with Brotli at its fastest
    /// level (the grains store Orleans' binary form around the same JSON; this project does not reference them).
    /// </summary>
    private static long StoredBytes(StoryEngine engine)
    {
        long total = 0;
        foreach (var id in engine.HeldStoryIds)
        {
            using var output = new MemoryStream();
            using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
            {
                JsonSerializer.Serialize(brotli, engine.GetStory(id));
            }

            total += output.Length;
        }

        return total;
    }

    /// <summary>What the story states hold: the heap they free when they are let go of (the engine is spent afterwards).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long StatesBytes(StoryEngine engine, long withStates)
    {
        // The engine keeps its states private (the grains hold them in the cluster): reached by reflection here.
        var field = typeof(StoryEngine).GetField("_stories", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)
            ?? throw new MissingFieldException(nameof(StoryEngine), "_stories");
        ((System.Collections.IDictionary)field.GetValue(engine)!).Clear();
        return withStates - Measure();
    }

    private static long Measure()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
