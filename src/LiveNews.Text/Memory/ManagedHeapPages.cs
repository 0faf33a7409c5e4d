using System.Globalization;
using System.Runtime.InteropServices;

namespace LiveNews.Text.Memory;

/// <summary>
/// Asks Linux to back the managed heap with 2 MiB ("transparent huge") pages, as the JVM's
/// UseTransparentHugePages does for its heap. The engine is bound by memory: its tables (the word cache,
/// the name lexicon, the term table, postings and centroids) are read at random, and with 4 KiB pages
/// nearly every such read also misses the processor's address translation cache. Where the system's
/// setting is "madvise" (the usual default), the runtime's heap gets 4 KiB pages only. Linux only;
/// elsewhere, or when the system refuses, nothing changes and the report says why.
/// </summary>
public static partial class ManagedHeapPages
{
    private const int MadviseHugePage = 14;
    private const int MadviseCollapse = 25;
    private const long HugePage = 2L << 20;

    /// <summary>How far from the heap address found an address range may lie when nothing says how large the heap's reservation is.</summary>
    private const long DefaultReach = 64L << 30;

    [LibraryImport("libc", EntryPoint = "madvise", SetLastError = true)]
    private static partial int Madvise(nint address, nuint length, int advice);

    /// <summary>
    /// Marks the managed heap's address range as wanting huge pages and, for <see cref="HugePageMode.Collapse"/>,
    /// rebuilds what is committed now out of them. Safe to call again (the runtime commits and decommits
    /// memory as it goes: a later call covers what an earlier one could not). Never throws for a refusal.
    /// </summary>
    public static HugePageReport Apply(HugePageMode mode)
    {
        if (mode == HugePageMode.Off)
        {
            return HugePageReport.NotDone(mode, null);
        }

        if (!OperatingSystem.IsLinux())
        {
            return HugePageReport.NotDone(mode, "huge pages are asked for on Linux only");
        }

        string maps;
        try
        {
            maps = File.ReadAllText("/proc/self/maps");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return HugePageReport.NotDone(mode, "cannot read /proc/self/maps: " + ex.Message);
        }

        var heap = HeapMappings(maps, HeapAddress(), RegionRange());
        if (heap.Count == 0)
        {
            return HugePageReport.NotDone(mode, "the managed heap was not found in /proc/self/maps");
        }

        string? problem = null;
        var start = heap[0].Start;
        var length = heap[^1].End - start;
        if (Madvise((nint)start, (nuint)length, MadviseHugePage) != 0)
        {
            problem = Refusal("MADV_HUGEPAGE", Marshal.GetLastPInvokeError());
            length = 0;
        }

        long collapsed = 0;
        if (mode == HugePageMode.Collapse && problem is null)
        {
            foreach (var mapping in heap)
            {
                var (from, to) = HugePageSpan(mapping);
                if (!mapping.Writable || to <= from)
                {
                    continue;
                }

                if (Madvise((nint)from, (nuint)(to - from), MadviseCollapse) == 0)
                {
                    collapsed += to - from;
                }
                else
                {
                    // EAGAIN or ENOMEM leave part of a range in small pages: the next call tries again.
                    problem ??= Refusal("MADV_COLLAPSE", Marshal.GetLastPInvokeError());
                }
            }
        }

        return new HugePageReport(mode, length, collapsed, HugePageBytes(), problem);
    }

    /// <summary>The process's anonymous memory in huge pages (AnonHugePages of /proc/self/smaps_rollup), or -1 when unknown.</summary>
    public static long HugePageBytes()
    {
        if (!OperatingSystem.IsLinux())
        {
            return -1;
        }

        try
        {
            foreach (var line in File.ReadLines("/proc/self/smaps_rollup"))
            {
                if (line.StartsWith("AnonHugePages:", StringComparison.Ordinal))
                {
                    var value = line.AsSpan("AnonHugePages:".Length).Trim();
                    var space = value.IndexOf(' ');
                    return long.TryParse(space > 0 ? value[..space] : value, NumberStyles.None, CultureInfo.InvariantCulture, out var kib) ? kib * 1024 : -1;
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return -1;
        }

        return -1;
    }

    /// <summary>
    /// The run of adjacent anonymous mappings around <paramref name="heapAddress"/> (the runtime reserves its
    /// heap as one range and commits parts of it, so /proc/self/maps shows it as neighbouring pieces),
    /// kept within <paramref name="reach"/> bytes of the piece that holds the address; in address order.
    /// </summary>
    public static IReadOnlyList<MemoryMapping> HeapMappings(string maps, long heapAddress, long reach)
    {
        ArgumentNullException.ThrowIfNull(maps);
        var all = new List<MemoryMapping>();
        foreach (var line in maps.Split('\n'))
        {
            if (MemoryMapping.Parse(line) is { } mapping)
            {
                all.Add(mapping);
            }
        }

        all.Sort((a, b) => a.Start.CompareTo(b.Start));
        var at = all.FindIndex(m => m.Start <= heapAddress && heapAddress < m.End);
        if (at < 0 || !all[at].Anonymous)
        {
            return [];
        }

        var low = at;
        while (low > 0 && all[low - 1].Anonymous && all[low - 1].End == all[low].Start && all[at].End - all[low - 1].Start <= reach)
        {
            low--;
        }

        var high = at;
        while (high < all.Count - 1 && all[high + 1].Anonymous && all[high + 1].Start == all[high].End && all[high + 1].End - all[at].Start <= reach)
        {
            high++;
        }

        return all.GetRange(low, high - low + 1);
    }

    /// <summary>The whole huge pages inside a mapping (start rounded up, end rounded down to 2 MiB).</summary>
    public static (long From, long To) HugePageSpan(MemoryMapping mapping) =>
        ((mapping.Start + HugePage - 1) & ~(HugePage - 1), mapping.End & ~(HugePage - 1));

    /// <summary>An address inside the managed heap: a fresh array's.</summary>
    private static unsafe long HeapAddress()
    {
        var probe = new byte[64];
        fixed (byte* at = probe)
        {
            return (long)at;
        }
    }

    /// <summary>The size of the runtime's heap reservation (GCRegionRange), or a bound when the runtime does not say.</summary>
    private static long RegionRange() =>
        GC.GetConfigurationVariables().TryGetValue("GCRegionRange", out var value) && Convert.ToInt64(value, CultureInfo.InvariantCulture) is > 0 and var range
            ? range
            : DefaultReach;

    private static string Refusal(string advice, int errno) => errno switch
    {
        22 when advice == "MADV_COLLAPSE" => "MADV_COLLAPSE refused (EINVAL) for part of the heap: a kernel older than 6.1, or memory there that cannot be rebuilt",
        22 => $"{advice} refused (EINVAL): transparent huge pages are off on this system",
        11 => $"{advice} refused for now (EAGAIN): the kernel could not gather 2 MiB pages",
        12 => $"{advice} refused (ENOMEM): no free 2 MiB pages",
        1 => $"{advice} refused (EPERM)",
        _ => $"{advice} refused (errno {errno})",
    };
}
