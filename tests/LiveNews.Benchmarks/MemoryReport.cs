using LiveNews.Stories.Engine;

namespace LiveNews.Benchmarks;

/// <summary>Retained memory per live story: the engine's whole state (index and story states) after N stories.</summary>
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

        var after = Measure();
        GC.KeepAlive(engine);
        var perStory = (after - before) / (double)engine.StoryCount;
        Console.WriteLine($"live stories: {engine.StoryCount}, retained: {(after - before) / 1024.0 / 1024.0:F1} MiB, per story: {perStory / 1024.0:F1} KiB");
    }

    private static long Measure()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
