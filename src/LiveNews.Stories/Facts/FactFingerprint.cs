using LiveNews.Stories.Analysis;

namespace LiveNews.Stories.Facts;

/// <summary>Compares sentences with known facts by their fingerprints (<see cref="FactFeatures"/>): content, figures and quotes apart.</summary>
public static class FactFingerprint
{
    /// <summary>
    /// Share of a sentence's content features (<see cref="FactFeatures.Content"/>) that the fact also has, in [0, 1].
    /// </summary>
    public static double Containment(int[] content, KnownFact fact)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(fact);
        if (content.Length == 0)
        {
            return 0;
        }

        var shared = 0;
        foreach (var feature in content)
        {
            if (FactFeatures.Contains(fact.Features, feature))
            {
                shared++;
            }
        }

        return shared / (double)content.Length;
    }

    /// <summary>
    /// <see cref="Containment(int[], KnownFact)"/> from the sentence's content features sorted ascending
    /// (repeats kept): one merge with the fact's sorted features instead of a binary search per feature,
    /// for a sentence compared with many facts.
    /// </summary>
    public static double ContainmentOfSorted(ReadOnlySpan<int> sortedContent, KnownFact fact)
    {
        ArgumentNullException.ThrowIfNull(fact);
        if (sortedContent.IsEmpty)
        {
            return 0;
        }

        var features = fact.Features;
        int shared = 0, j = 0;
        foreach (var feature in sortedContent)
        {
            while (j < features.Length && features[j] < feature)
            {
                j++;
            }

            // A repeated feature stays on the fact's match, so it counts again, as the search counts it.
            if (j < features.Length && features[j] == feature)
            {
                shared++;
            }
        }

        return shared / (double)sortedContent.Length;
    }

    /// <summary>
    /// True when the sentence gives a figure the fact does not: a changed figure (12 dead, now 15) or a
    /// new one (within 30 days). Years do not count: restating when something happened is not news.
    /// </summary>
    public static bool ChangesNumber(SentenceUnit sentence, KnownFact fact)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(fact);
        foreach (var number in sentence.Numbers)
        {
            if (!IsYear(number) && !FactFeatures.Contains(fact.Features, FactFeatures.Number(number)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsYear(string number) =>
        number.Length == 4 && int.TryParse(number, out var year) && year is >= 1900 and <= 2100;

    /// <summary>True when both quote someone and the words quoted differ (letters and digits compared, case aside).</summary>
    public static bool ChangesQuote(SentenceUnit sentence, KnownFact fact)
    {
        ArgumentNullException.ThrowIfNull(sentence);
        ArgumentNullException.ThrowIfNull(fact);
        if (sentence.Quote is null || fact.QuoteKey is null)
        {
            return false;
        }

        return FactFeatures.Quote(sentence.Quote) != fact.QuoteKey;
    }
}
