namespace LiveNews.Text.Tokens;

/// <summary>
/// Folds common news paraphrases onto one stem (postponed/delayed/put off, visit/trip, talks/
/// negotiations/discussions), so that a fact told again in other words is recognised.
/// </summary>
public static class Synonyms
{
    private static readonly Dictionary<string, string> Canonical = Build(
        ["postpone", "delay", "defer", "reschedule"],
        ["cancel", "scrap", "scrapped", "axe", "axed", "abandon"],
        ["visit", "trip", "tour", "journey"],
        ["talk", "talks", "negotiation", "negotiations", "discussion", "discussions", "meeting", "summit", "parley"],
        ["kill", "killed", "slay", "slain", "dead", "die", "died", "death", "deaths", "fatality", "fatalities"],
        ["injure", "injured", "wound", "wounded", "hurt"],
        ["arrest", "arrested", "detain", "detained", "apprehend", "apprehended", "nab", "nabbed", "capture", "captured"],
        ["resign", "resigned", "quit", "step down", "stepped down"],
        ["fire", "fired", "sack", "sacked", "dismiss", "dismissed", "oust", "ousted"],
        ["say", "said", "says", "tell", "told", "announce", "announced", "declare", "declared"],
        ["agree", "agreed", "accept", "accepted", "consent"],
        ["reject", "rejected", "refuse", "refused", "deny", "denied"],
        ["protest", "protested", "object", "objected"],
        ["attack", "attacked", "assault", "strike", "struck", "raid"],
        ["ceasefire", "truce", "armistice"],
        ["deal", "agreement", "accord", "pact", "treaty"],
        ["official", "officials", "authority", "authorities"],
        ["plan", "planned", "intend", "intended"],
        ["boost", "increase", "raise", "hike"],
        ["cut", "reduce", "lower", "slash"],
        ["begin", "start", "launch", "commence"],
        ["end", "stop", "halt", "finish"]);

    /// <summary>The canonical stem for a lower-case word (its own stem when it has no synonym).</summary>
    public static string CanonicalStem(string lowerWord)
    {
        ArgumentNullException.ThrowIfNull(lowerWord);
        var cache = _cache ??= new Dictionary<string, string>(StringComparer.Ordinal);
        if (cache.TryGetValue(lowerWord, out var known))
        {
            return known;
        }

        var stem = Stemmer.Stem(lowerWord);
        var result = Canonical.TryGetValue(stem, out var canonical) ? canonical : stem;
        if (cache.Count >= CacheLimit)
        {
            cache.Clear();
        }

        cache[lowerWord] = result;
        return result;
    }

    private const int CacheLimit = 50_000;

    /// <summary>Canonical stems of the words this thread saw: one lookup instead of the stemmer's and the table's.</summary>
    [ThreadStatic]
    private static Dictionary<string, string>? _cache;

    private static Dictionary<string, string> Build(params string[][] groups)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var canonical = Stemmer.Stem(group[0]);
            foreach (var word in group)
            {
                map.TryAdd(Stemmer.Stem(word), canonical);
            }
        }

        return map;
    }
}
