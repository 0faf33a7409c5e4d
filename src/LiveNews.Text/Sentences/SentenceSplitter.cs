namespace LiveNews.Text.Sentences;

/// <summary>
/// Splits normalised text into sentences. Aware of abbreviations (Mr., Sen., Gen., U.S.), initials
/// ("Sergey V. Lavrov"), decimals and closing quotes. Line breaks always end a sentence.
/// </summary>
public static class SentenceSplitter
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "mx", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "capt", "cpt", "sgt", "maj",
        "adm", "cmdr", "cdr", "pres", "supt", "insp", "det", "hon", "rev", "fr", "sr", "jr", "st", "mt", "ft",
        "inc", "corp", "co", "ltd", "llc", "plc", "bros", "dept", "univ", "assn", "ave", "blvd", "rd",
        "vs", "etc", "al", "approx", "est", "no", "nos", "vol", "fig", "op", "cf", "ca",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "ky", "la",
        "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex",
        "va", "vt", "wash", "wis", "wyo",
    };

    /// <summary>Words that, after a dotted acronym such as "U.S.", show that a new sentence began.</summary>
    private static readonly HashSet<string> SentenceStarters = new(StringComparer.Ordinal)
    {
        "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These", "Those",
        "But", "And", "However", "In", "On", "At", "His", "Her", "Their", "Its", "There", "Officials",
        "Meanwhile", "After", "Before", "When", "While", "If", "As", "Some", "Many", "Most",
    };

    /// <summary>Sentences of <paramref name="text"/>, trimmed, in order; empty ones are skipped.</summary>
    public static List<string> Split(string text)
    {
        var result = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return result;
        }

        foreach (var line in text.Split('\n'))
        {
            SplitLine(line, result);
        }

        return result;
    }

    private static void SplitLine(string line, List<string> result)
    {
        var start = 0;
        var n = line.Length;
        for (var i = 0; i < n; i++)
        {
            var c = line[i];
            if (c is not ('.' or '!' or '?' or '…'))
            {
                continue;
            }

            // Swallow runs of terminators and closing quotes/brackets.
            var end = i + 1;
            while (end < n && line[end] is '.' or '!' or '?' or '…' or '"' or '\'' or ')' or ']')
            {
                end++;
            }

            if (end >= n)
            {
                break;
            }

            if (!char.IsWhiteSpace(line[end]))
            {
                i = end - 1;
                continue;
            }

            var next = end;
            while (next < n && char.IsWhiteSpace(line[next]))
            {
                next++;
            }

            if (next >= n)
            {
                break;
            }

            var nextChar = line[next];
            var startsLikeSentence = char.IsUpper(nextChar) || char.IsDigit(nextChar) || nextChar is '"' or '\'' or '(' or '[' or '-';
            if (!startsLikeSentence)
            {
                i = end - 1;
                continue;
            }

            if (c == '.' && end == i + 1 && !IsSentenceEndAfterPeriod(line, i, next))
            {
                i = end - 1;
                continue;
            }

            Add(line, start, end, result);
            start = next;
            i = next - 1;
        }

        Add(line, start, n, result);
    }

    private static bool IsSentenceEndAfterPeriod(string line, int period, int nextWordStart)
    {
        var wordStart = period;
        while (wordStart > 0 && (char.IsLetterOrDigit(line[wordStart - 1]) || line[wordStart - 1] == '.'))
        {
            wordStart--;
        }

        var word = line.AsSpan(wordStart, period - wordStart);
        if (word.Length == 0)
        {
            return true;
        }

        // An initial such as "V." in "Sergey V. Lavrov".
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return false;
        }

        if (Abbreviations.Contains(word.ToString()))
        {
            return false;
        }

        // A dotted acronym (U.S., U.N., a.m.): a sentence ends here only when a typical sentence opener follows.
        if (word.Contains('.'))
        {
            var nextWordEnd = nextWordStart;
            while (nextWordEnd < line.Length && char.IsLetter(line[nextWordEnd]))
            {
                nextWordEnd++;
            }

            return SentenceStarters.Contains(line[nextWordStart..nextWordEnd]);
        }

        return true;
    }

    private static void Add(string line, int start, int end, List<string> result)
    {
        if (end <= start)
        {
            return;
        }

        var sentence = line[start..end].Trim();
        if (sentence.Length > 0)
        {
            result.Add(sentence);
        }
    }
}
