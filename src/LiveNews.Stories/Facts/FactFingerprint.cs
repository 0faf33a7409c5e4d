using LiveNews.Stories.Analysis;

namespace LiveNews.Stories.Facts;

/// <summary>Compares sentences by their fingerprints: content stems and entities, numbers and quotes apart.</summary>
public static class FactFingerprint
{
    /// <summary>The features of a fingerprint that say what it is about (stems and entity keys).</summary>
    public static IEnumerable<string> Features(string[] stems, string[] entities)
    {
        foreach (var stem in stems)
        {
            yield return stem;
        }

        foreach (var entity in entities)
        {
            yield return "@" + entity;
        }
    }

    /// <summary>Share of the sentence's features that the fact also has, in [0, 1].</summary>
    public static double Containment(SentenceUnit sentence, KnownFact fact)
    {
        var total = sentence.Stems.Length + sentence.Entities.Length;
        if (total == 0)
        {
            return 0;
        }

        var shared = 0;
        foreach (var stem in sentence.Stems)
        {
            if (Array.IndexOf(fact.Stems, stem) >= 0)
            {
                shared++;
            }
        }

        foreach (var entity in sentence.Entities)
        {
            if (Array.IndexOf(fact.Entities, entity) >= 0)
            {
                shared++;
            }
        }

        return shared / (double)total;
    }

    /// <summary>True when the sentence gives a number the fact does not, where the fact gave numbers of its own (a changed figure).</summary>
    public static bool ChangesNumber(SentenceUnit sentence, KnownFact fact)
    {
        if (sentence.Numbers.Length == 0 || fact.Numbers.Length == 0)
        {
            return false;
        }

        return sentence.Numbers.Any(n => Array.IndexOf(fact.Numbers, n) < 0);
    }

    /// <summary>True when both quote someone and the words quoted differ.</summary>
    public static bool ChangesQuote(SentenceUnit sentence, KnownFact fact)
    {
        if (sentence.Quote is null || fact.Quote is null)
        {
            return false;
        }

        return !string.Equals(Normalise(sentence.Quote), Normalise(fact.Quote), StringComparison.Ordinal);
    }

    private static string Normalise(string quote) =>
        new(quote.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());
}
