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
            yield return "@" + LastWord(entity);
        }
    }

    /// <summary>The last word of an entity key: how a fact compares names ("Zelensky" is "Volodymyr Zelensky").</summary>
    public static string LastWord(string key)
    {
        var space = key.LastIndexOf(' ');
        return space < 0 ? key : key[(space + 1)..];
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
            var last = LastWord(entity);
            foreach (var other in fact.Entities)
            {
                if (other == entity || LastWord(other) == last)
                {
                    shared++;
                    break;
                }
            }
        }

        return shared / (double)total;
    }

    /// <summary>
    /// True when the sentence gives a figure the fact does not: a changed figure (12 dead, now 15) or a
    /// new one (within 30 days). Years do not count: restating when something happened is not news.
    /// </summary>
    public static bool ChangesNumber(SentenceUnit sentence, KnownFact fact)
    {
        foreach (var number in sentence.Numbers)
        {
            if (!IsYear(number) && Array.IndexOf(fact.Numbers, number) < 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsYear(string number) =>
        number.Length == 4 && int.TryParse(number, out var year) && year is >= 1900 and <= 2100;

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
