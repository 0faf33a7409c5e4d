using System.Net;
using System.Text.RegularExpressions;
using LiveNews.Feeds.Parsing;

namespace LiveNews.Feeds.Tests.Corpus;

/// <summary>
/// One feedparser test file's expectation, reduced to the fields LiveNews uses (titles, links, ids,
/// dates, content). Clauses about other fields make the expectation not applicable.
/// </summary>
internal sealed partial record FeedparserExpectation(string Path, object? Expected)
{
    /// <summary>Reads "not bozo and entries[0]['title'] == u'...'"; null when not applicable.</summary>
    public static List<FeedparserExpectation>? Read(string expect)
    {
        var clauses = SplitAnd(expect);
        var result = new List<FeedparserExpectation>();
        foreach (var clause in clauses)
        {
            var c = clause.Trim();
            if (c is "bozo" or "not bozo")
            {
                continue;
            }

            var eq = FindTopLevel(c, "==");
            if (eq < 0)
            {
                return null;
            }

            var path = c[..eq].Trim();
            if (!Applicable(path) || !PythonLiteral.TryParse(c[(eq + 2)..], out var expected))
            {
                return null;
            }

            result.Add(new FeedparserExpectation(path, expected));
        }

        return result.Count > 0 ? result : null;
    }

    private static bool Applicable(string path) => FieldPattern().IsMatch(path);

    /// <summary>True when the parsed feed has the expected value at this path.</summary>
    public bool Holds(FeedDocument? feed)
    {
        if (feed is null)
        {
            return false;
        }

        var match = FieldPattern().Match(Path);
        FeedEntry? entry = null;
        if (match.Groups["index"].Success)
        {
            var index = int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (index >= feed.Entries.Count)
            {
                return false;
            }

            entry = feed.Entries[index];
        }

        var field = match.Groups["field"].Value;
        if (field.EndsWith("_parsed", StringComparison.Ordinal))
        {
            DateTimeOffset? actual = field switch
            {
                "published_parsed" or "issued_parsed" or "created_parsed" => entry?.Published ?? (entry is null ? feed.Updated : null),
                "updated_parsed" or "modified_parsed" => entry is null ? feed.Updated : entry.Updated ?? entry.Published,
                _ => entry is null ? feed.Updated : entry.Published ?? entry.Updated,
            };
            return Expected is List<object?> tuple && tuple.Count >= 6 && actual is { } t
                && tuple.Take(6).Select(v => Convert.ToInt32(v, System.Globalization.CultureInfo.InvariantCulture)).SequenceEqual([t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second]);
        }

        var value = Actual(feed, entry, field);
        return Expected is string expected && value is not null && Same(value, expected, field);
    }

    /// <summary>What the parser gave for this path (for failure reports).</summary>
    public string? Describe(FeedDocument? feed)
    {
        if (feed is null)
        {
            return "(not parsed)";
        }

        var match = FieldPattern().Match(Path);
        var entry = match.Groups["index"].Success && int.Parse(match.Groups["index"].Value, System.Globalization.CultureInfo.InvariantCulture) is var i && i < feed.Entries.Count ? feed.Entries[i] : null;
        return Actual(feed, entry, match.Groups["field"].Value) ?? "(null)";
    }

    private static string? Actual(FeedDocument feed, FeedEntry? entry, string field)
    {
        return (entry, field) switch
        {
            (null, "title") => feed.Title,
            (null, "id" or "guid") => feed.Id,
            (null, "description" or "summary") => feed.Description,
            (null, "link") => feed.Link,
            (null, "links") => feed.Link,
            (not null, "title") => entry.Title,
            (not null, "link") => entry.Link,
            (not null, "links") => entry.Link,
            (not null, "id" or "guid") => entry.Id,
            (not null, "summary" or "description") => entry.Summary ?? entry.Content,
            (not null, "content") => entry.Content ?? entry.Summary,
            _ => null,
        };
    }

    private static bool Same(string actual, string expected, string field) => field switch
    {
        "link" or "links" or "id" or "guid" => actual.Trim() == expected.Trim(),

        // LiveNews keeps titles as plain text: the expected title is compared as the parser would make it.
        "title" => actual == XmlFeedReader.PlainText(expected),
        _ => Plain(actual) == Plain(expected),
    };

    /// <summary>Text as a reader sees it: no markup, entities decoded, white space folded.</summary>
    private static string Plain(string text) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(Scripts().Replace(text, " "), " ")), " ").Trim();

    private static List<string> SplitAnd(string expect)
    {
        var parts = new List<string>();
        var start = 0;
        for (var at = IndexOfUnquoted(expect, " and ", 0, outsideBrackets: true); at >= 0; at = IndexOfUnquoted(expect, " and ", start, outsideBrackets: true))
        {
            parts.Add(expect[start..at]);
            start = at + 5;
        }

        parts.Add(expect[start..]);
        return parts;
    }

    private static int FindTopLevel(string clause, string op) => IndexOfUnquoted(clause, op, 0, outsideBrackets: false);

    /// <summary>Where <paramref name="op"/> first stands outside quoted strings (and, if asked, outside brackets), or -1.</summary>
    private static int IndexOfUnquoted(string text, string op, int from, bool outsideBrackets)
    {
        var depth = 0;
        char? quote = null;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == quote)
                {
                    quote = null;
                }

                continue;
            }

            switch (c)
            {
                case '\'' or '"': quote = c; break;
                case '(' or '[' or '{': depth++; break;
                case ')' or ']' or '}': depth--; break;
                default:
                    if ((!outsideBrackets || depth == 0) && string.CompareOrdinal(text, i, op, 0, op.Length) == 0)
                    {
                        return i;
                    }

                    break;
            }
        }

        return -1;
    }

    [GeneratedRegex(@"^(feed|entries\[(?<index>\d+)\])\['(?<field>title|link|id|guid|summary|description|published_parsed|updated_parsed|issued_parsed|modified_parsed|created_parsed|date_parsed)'\]$|^(feed|entries\[(?<index>\d+)\])\['(?<field>links)'\]\[0\]\['href'\]$|^entries\[(?<index>\d+)\]\['(?<field>content)'\]\[0\]\['value'\]$")]
    private static partial Regex FieldPattern();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    /// <summary>Script and style elements with their content: text extraction drops them (as LiveNews.Text does).</summary>
    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Scripts();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
