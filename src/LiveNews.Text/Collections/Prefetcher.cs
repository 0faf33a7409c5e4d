using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace LiveNews.Text.Collections;

/// <summary>
/// Asks the processor to start loading memory that is about to be read, so that the reads of many words'
/// table slots or objects wait for memory together rather than one after another. Only a hint: nothing
/// happens where the processor has no prefetch instruction, and a stale address (the GC moved the object
/// meanwhile) costs nothing but the hint.
/// </summary>
public static class Prefetcher
{
    /// <summary>Prefetches the cache line holding <paramref name="location"/>.</summary>
    public static unsafe void Prefetch<T>(ref T location)
    {
        if (Sse.IsSupported)
        {
            Sse.Prefetch0(Unsafe.AsPointer(ref location));
        }
    }

    /// <summary>Prefetches the start of the object <paramref name="value"/> (its header and first fields).</summary>
    public static unsafe void Prefetch(object? value)
    {
        if (Sse.IsSupported && value is not null)
        {
            Sse.Prefetch0(*(void**)Unsafe.AsPointer(ref value));
        }
    }

    /// <summary>
    /// Prefetches the elements of <paramref name="array"/>, a cache line at a time, up to
    /// <paramref name="maxLines"/> lines: for an array that is about to be read from start to end.
    /// </summary>
    public static unsafe void PrefetchElements<T>(T[]? array, int maxLines)
        where T : unmanaged
    {
        if (!Sse.IsSupported || array is not { Length: > 0 })
        {
            return;
        }

        ref var first = ref System.Runtime.InteropServices.MemoryMarshal.GetArrayDataReference(array);
        var start = (byte*)Unsafe.AsPointer(ref first);
        var bytes = Math.Min((long)array.Length * sizeof(T), (long)maxLines * 64);
        for (long offset = 0; offset < bytes; offset += 64)
        {
            Sse.Prefetch0(start + offset);
        }
    }
}
