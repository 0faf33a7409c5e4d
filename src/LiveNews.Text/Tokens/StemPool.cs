using System.Collections.Concurrent;

namespace LiveNews.Text.Tokens;

/// <summary>
/// Makes equal stems one string, across threads, so that the many term maps holding them share it. Bounded:
/// the runtime's own intern pool never lets a string go, and a server reading news for months meets new
/// words (names, misspellings, numbers) without end. Past <see cref="Limit"/> stems the pool starts
/// again; strings already held elsewhere stay alive through their holders.
/// </summary>
internal static class StemPool
{
    /// <summary>Stems kept before the pool starts again (about 10 MB of strings).</summary>
    internal const int Limit = 200_000;

    private static readonly ConcurrentDictionary<string, string> Pool = new(StringComparer.Ordinal);
    private static int _count;

    /// <summary>Stems in the pool now (approximate while other threads add).</summary>
    internal static int Count => Volatile.Read(ref _count);

    /// <summary>The pool's string equal to <paramref name="stem"/> (adding it when new).</summary>
    public static string Share(string stem)
    {
        if (Pool.TryGetValue(stem, out var shared))
        {
            return shared;
        }

        if (Volatile.Read(ref _count) >= Limit)
        {
            Pool.Clear();
            Volatile.Write(ref _count, 0);
        }

        if (Pool.TryAdd(stem, stem))
        {
            Interlocked.Increment(ref _count);
            return stem;
        }

        return Pool.TryGetValue(stem, out shared) ? shared : stem;
    }
}
