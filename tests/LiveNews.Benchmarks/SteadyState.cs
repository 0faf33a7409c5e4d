using System.Globalization;
using System.Runtime;
using LiveNews.Stories.Engine;

namespace LiveNews.Benchmarks;

/// <summary>
/// Brings the process to the state of a server that has run for a while before the engine is measured: a
/// throwaway engine processes a stream of the same kind for long enough that the JIT has compiled what the
/// engine runs at its final tier (measured on the plain loop: about 400 small methods, 50 to 80 ms of compilation, are still compiled
/// while it measures, against about 1,500 and a second without the warm-up). On one core the tiered JIT compiles in the background on the same core as the measured
/// loop, in bursts up to about 20 s into a run (one burst of 2,000 methods took 743 ms of a 1.2 s batch), so
/// a measurement taken earlier is partly of the compiler. <see cref="CompiledSince"/> reports what was still
/// compiled while measuring.
/// </summary>
internal static class SteadyState
{
    /// <summary>Versions the throwaway engine processes (about 10 to 15 s on this machine).</summary>
    public const int WarmUpVersions = 40_000;

    /// <summary>Runs the throwaway engine, then lets it go and collects it.</summary>
    public static void WarmUp()
    {
        var throwaway = new StoryEngine();
        var start = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);
        foreach (var article in new SyntheticStream(seed: 1).FillThenMix(throwaway, 2_000, WarmUpVersions, start))
        {
            throwaway.Process(article);
        }

        throwaway = null;
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
    }

    /// <summary>The compiled-method count and compilation time so far, all threads.</summary>
    public static (long Methods, TimeSpan Time) Now() => (JitInfo.GetCompiledMethodCount(), JitInfo.GetCompilationTime());

    /// <summary>What the JIT compiled since <paramref name="mark"/>, as a line for the report.</summary>
    public static string CompiledSince((long Methods, TimeSpan Time) mark) => string.Create(CultureInfo.InvariantCulture,
        $"compiled while measured: {JitInfo.GetCompiledMethodCount() - mark.Methods} methods, {(JitInfo.GetCompilationTime() - mark.Time).TotalMilliseconds:F0} ms of compilation");
}
