using System.Text.RegularExpressions;

namespace LiveNews.Text.Furniture;

/// <summary>
/// Takes normalised page text apart into paragraphs and drops page furniture: lines that
/// <see cref="FurnitureFilter"/> recognises, a source's learned template lines, and everything after a
/// "Check Also" style link-block header.
/// </summary>
public static partial class PageCleaner
{
    /// <summary>Cleans <paramref name="normalisedText"/>; <paramref name="isTemplateLine"/> tells a source's own boilerplate.</summary>
    public static CleanPage Clean(string normalisedText, Func<string, bool>? isTemplateLine = null)
    {
        var paragraphs = new List<string>();
        var removed = new List<(string, FurnitureKind)>();
        var all = new List<PageLine>();
        var afterTranscriptMarker = false;
        var text = normalisedText.AsSpan();
        var lines = text.Split('\n');
        while (lines.MoveNext())
        {
            // Only lines with something on them become strings.
            var trimmed = text[lines.Current].Trim();
            if (trimmed.IsEmpty)
            {
                continue;
            }

            var line = InlineFurniture.Strip(LeadingDate().Replace(trimmed.ToString(), ""));
            if (line.Length == 0)
            {
                continue;
            }

            var kind = FurnitureFilter.Classify(line);
            if (kind == FurnitureKind.None && afterTranscriptMarker)
            {
                // The line after a "Video / transcript" marker is the video's transcript, not the article.
                kind = FurnitureKind.VideoTranscript;
            }

            afterTranscriptMarker = kind == FurnitureKind.VideoTranscript && line.Length <= 40
                && line.Contains("transcript", StringComparison.OrdinalIgnoreCase);
            if (kind == FurnitureKind.LinkBlock)
            {
                // The rest of the page is a list of links to other articles.
                removed.Add((line, kind));
                all.Add(new PageLine(line, kind));
                while (lines.MoveNext())
                {
                    if (text[lines.Current].Trim() is { IsEmpty: false } link)
                    {
                        var linkLine = link.ToString();
                        removed.Add((linkLine, FurnitureKind.LinkBlock));
                        all.Add(new PageLine(linkLine, FurnitureKind.LinkBlock));
                    }
                }

                break;
            }

            if (kind == FurnitureKind.None && isTemplateLine is not null && isTemplateLine(line))
            {
                kind = FurnitureKind.SourceTemplate;
            }

            all.Add(new PageLine(line, kind));
            if (kind != FurnitureKind.None)
            {
                removed.Add((line, kind));
                continue;
            }

            paragraphs.Add(line);
        }

        return new CleanPage(paragraphs, removed, all);
    }

    [GeneratedRegex(@"^date\s+\d{4}-\d{2}-\d{2}(\s+\d{2}:\d{2}(:\d{2})?)?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LeadingDate();
}
