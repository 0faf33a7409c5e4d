using Lucene.Net.Tartarus.Snowball.Ext;

namespace LiveNews.Text.Tokens;

/// <summary>
/// English stemming with the Snowball English (Porter2) stemmer from Lucene.Net's analyzers.
/// Thread-safe: each thread has its own stemmer instance and a small cache; equal stems are one string
/// (<see cref="StemPool"/>, bounded, where the runtime's intern pool would grow for the life of the process).
/// </summary>
public static class Stemmer
{
    private const int CacheLimit = 50_000;

    [ThreadStatic]
    private static EnglishStemmer? _stemmer;

    [ThreadStatic]
    private static Dictionary<string, string>? _cache;

    /// <summary>The stem of a lower-case word.</summary>
    public static string Stem(string lowerWord)
    {
        if (lowerWord.Length < 3)
        {
            return lowerWord;
        }

        var cache = _cache ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (cache.TryGetValue(lowerWord, out var cached))
        {
            return cached;
        }

        var stemmer = _stemmer ??= new EnglishStemmer();
        stemmer.SetCurrent(lowerWord);
        stemmer.Stem();
        var stem = StemPool.Share(stemmer.Current);
        if (cache.Count >= CacheLimit)
        {
            cache.Clear();
        }

        cache[lowerWord] = stem;
        return stem;
    }
}
