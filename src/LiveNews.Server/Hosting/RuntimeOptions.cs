using LiveNews.Text.Memory;

namespace LiveNews.Server.Hosting;

/// <summary>How the process uses the machine (configuration section "LiveNews:Runtime").</summary>
public sealed class RuntimeOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "LiveNews:Runtime";

    /// <summary>
    /// Whether the managed heap is asked to live in 2 MiB pages on Linux (<see cref="ManagedHeapPages"/>):
    /// Off (the default), Advise or Collapse. The engine's random reads of large tables then miss the
    /// processor's address translation cache less: about 7% faster for the engine alone, no gain shown
    /// in the full pipeline (docs/PERFORMANCE.md, "Huge pages"); the cost is memory rounded up to 2 MiB
    /// where the heap has committed part of a huge page.
    /// </summary>
    public HugePageMode HugePages { get; set; } = HugePageMode.Off;

    /// <summary>How often the heap's newly committed memory is rebuilt out of huge pages (Collapse) or marked again (Advise).</summary>
    public TimeSpan HugePageInterval { get; set; } = TimeSpan.FromMinutes(1);
}
