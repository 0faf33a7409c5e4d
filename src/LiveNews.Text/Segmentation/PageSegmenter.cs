using LiveNews.Text.Furniture;
using LiveNews.Text.Tokens;

namespace LiveNews.Text.Segmentation;

/// <summary>
/// Splits a page that carries several articles into its articles. A boundary is a headline-like line
/// after a body of text, confirmed either by page structure (the previous article ended with a
/// "contributed reporting" line, a byline or a link block; the next one opens with a paywall or
/// subscribe notice or a byline) or by a shift of topic between the text before and after it.
/// </summary>
public static class PageSegmenter
{
    /// <summary>Body paragraphs an article needs before a headline can end it.</summary>
    public const int MinParagraphs = 3;

    /// <summary>Below this word overlap between the text before and after a headline, the topic has changed.</summary>
    public const double TopicShiftThreshold = 0.12;

    /// <summary>Splits the lines of a cleaned page; <paramref name="isHeadline"/> tells headline-like lines.</summary>
    public static List<PageSegment> Split(IReadOnlyList<PageLine> lines, Func<string, bool> isHeadline)
    {
        var segments = new List<PageSegment>();
        var current = new List<string>();
        string? currentHeadline = null;
        var endMarkerSinceText = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!line.IsText)
            {
                if (line.Kind is FurnitureKind.ContributedReporting or FurnitureKind.Byline or FurnitureKind.LinkBlock or FurnitureKind.Copyright or FurnitureKind.About)
                {
                    endMarkerSinceText = true;
                }

                continue;
            }

            if (current.Count >= MinParagraphs && isHeadline(line.Text) && IsBoundary(lines, i, current, endMarkerSinceText))
            {
                segments.Add(new PageSegment(currentHeadline, current));
                current = [];
                currentHeadline = line.Text;
                endMarkerSinceText = false;
                continue;
            }

            current.Add(line.Text);
            endMarkerSinceText = false;
        }

        segments.Add(new PageSegment(currentHeadline, current));
        return segments.Where((s, k) => k == 0 || s.Paragraphs.Count > 0).ToList();
    }

    private static bool IsBoundary(IReadOnlyList<PageLine> lines, int headline, List<string> before, bool endMarkerBefore)
    {
        if (endMarkerBefore)
        {
            return true;
        }

        // Furniture right after the headline that opens an article: a paywall or subscribe notice, a byline.
        for (var j = headline + 1; j < lines.Count && !lines[j].IsText; j++)
        {
            if (lines[j].Kind is FurnitureKind.Paywall or FurnitureKind.Subscribe or FurnitureKind.Byline or FurnitureKind.Advertisement)
            {
                return true;
            }
        }

        var after = new List<string>();
        for (var j = headline + 1; j < lines.Count && after.Count < 4; j++)
        {
            if (lines[j].IsText)
            {
                after.Add(lines[j].Text);
            }
        }

        if (after.Count < 2)
        {
            return false;
        }

        return Overlap(before.TakeLast(6), after) < TopicShiftThreshold;
    }

    /// <summary>Cosine of the content-stem counts of two blocks of text.</summary>
    public static double Overlap(IEnumerable<string> a, IEnumerable<string> b)
    {
        var va = Stems(a);
        var vb = Stems(b);
        double dot = 0, na = 0, nb = 0;
        foreach (var (stem, count) in va)
        {
            na += count * count;
            if (vb.TryGetValue(stem, out var other))
            {
                dot += count * other;
            }
        }

        foreach (var count in vb.Values)
        {
            nb += count * count;
        }

        return na > 0 && nb > 0 ? dot / Math.Sqrt(na * nb) : 0;
    }

    private static Dictionary<string, int> Stems(IEnumerable<string> paragraphs)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var paragraph in paragraphs)
        {
            foreach (var token in Tokenizer.Tokenize(paragraph))
            {
                if (token.Kind == TokenKind.Word && token.Lower.Length > 2 && !token.IsStopWord)
                {
                    var stem = Stemmer.Stem(token.Lower);
                    counts[stem] = counts.GetValueOrDefault(stem) + 1;
                }
            }
        }

        return counts;
    }
}
