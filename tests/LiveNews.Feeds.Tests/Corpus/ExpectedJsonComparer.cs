using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using LiveNews.Feeds.Parsing;

namespace LiveNews.Feeds.Tests.Corpus;

/// <summary>
/// Compares a parsed feed with a peer parser's expected JSON (gofeed's universal model, feed-rs's
/// serde model) on the fields LiveNews uses: titles, links, ids, dates, summary and content.
/// Each field present in the expectation counts once.
/// </summary>
internal static partial class ExpectedJsonComparer
{
    public sealed record Outcome(int Applicable, int Passed, List<string> Failures);

    public static Outcome Gofeed(JsonElement expected, FeedDocument? feed)
    {
        var checks = new List<(string Name, bool Ok)>();
        Text(checks, "title", expected, "title", feed?.Title, title: true);
        Text(checks, "link", expected, "link", feed?.Link, exact: true);
        Date(checks, "updatedParsed", expected, "updatedParsed", feed?.Updated);
        if (expected.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in items.EnumerateArray())
            {
                var entry = feed is not null && i < feed.Entries.Count ? feed.Entries[i] : null;
                var p = $"items[{i}].";
                Text(checks, p + "title", item, "title", entry?.Title, title: true);
                Text(checks, p + "link", item, "link", entry?.Link, exact: true);
                Text(checks, p + "guid", item, "guid", entry?.Id, exact: true);
                Date(checks, p + "publishedParsed", item, "publishedParsed", entry?.Published ?? entry?.Updated);
                Date(checks, p + "updatedParsed", item, "updatedParsed", entry?.Updated ?? entry?.Published);
                Text(checks, p + "description", item, "description", entry?.Summary ?? entry?.Content);
                Text(checks, p + "content", item, "content", entry?.Content ?? entry?.Summary);
                i++;
            }
        }

        return Summarise(checks);
    }

    public static Outcome FeedRs(JsonElement expected, FeedDocument? feed)
    {
        var checks = new List<(string Name, bool Ok)>();
        Text(checks, "title", Content(expected, "title"), feed?.Title, title: true);
        Text(checks, "links[0]", FirstHref(expected), feed?.Link, exact: true);
        if (expected.TryGetProperty("entries", out var entries) && entries.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in entries.EnumerateArray())
            {
                var entry = feed is not null && i < feed.Entries.Count ? feed.Entries[i] : null;
                var p = $"entries[{i}].";
                Text(checks, p + "title", Content(item, "title"), entry?.Title, title: true);
                Text(checks, p + "links[0]", FirstHref(item), entry?.Link, exact: true);
                Date(checks, p + "published", item, "published", entry?.Published ?? entry?.Updated);
                Text(checks, p + "summary", Content(item, "summary"), entry?.Summary ?? entry?.Content);
                if (item.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.Object
                    && content.TryGetProperty("body", out var body) && body.ValueKind == JsonValueKind.String)
                {
                    Text(checks, p + "content", body.GetString(), entry?.Content ?? entry?.Summary);
                }

                i++;
            }
        }

        return Summarise(checks);
    }

    private static Outcome Summarise(List<(string Name, bool Ok)> checks) =>
        new(checks.Count, checks.Count(c => c.Ok), [.. checks.Where(c => !c.Ok).Select(c => c.Name)]);

    private static string? Content(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object
            && value.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String ? content.GetString() : null;

    private static string? FirstHref(JsonElement element) =>
        element.TryGetProperty("links", out var links) && links.ValueKind == JsonValueKind.Array && links.GetArrayLength() > 0
            && links[0].TryGetProperty("href", out var href) && href.ValueKind == JsonValueKind.String ? href.GetString() : null;

    private static void Text(List<(string, bool)> checks, string name, JsonElement element, string property, string? actual, bool exact = false, bool title = false)
    {
        if (element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String)
        {
            Text(checks, name, value.GetString(), actual, exact, title);
        }
    }

    private static void Text(List<(string, bool)> checks, string name, string? expected, string? actual, bool exact = false, bool title = false)
    {
        if (string.IsNullOrWhiteSpace(expected))
        {
            return;
        }

        var ok = actual is not null && (exact ? SameUrl(actual, expected)
            : title ? actual == XmlFeedReader.PlainText(expected) || Plain(actual) == Plain(expected)
            : Plain(actual) == Plain(expected));
        checks.Add((ok ? name : $"{name}: expected '{Short(expected)}', got '{Short(actual)}'", ok));
    }

    private static void Date(List<(string, bool)> checks, string name, JsonElement element, string property, DateTimeOffset? actual)
    {
        if (!element.TryGetProperty(property, out var value) || value.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expected))
        {
            return;
        }

        var ok = actual is { } a && a.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture) == expected.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
        checks.Add((ok ? name : $"{name}: expected {expected:O}, got {actual:O}", ok));
    }

    /// <summary>Addresses compare as URIs (host case, an empty path and "/" are the same), identifiers as text.</summary>
    private static bool SameUrl(string actual, string expected) =>
        actual.Trim() == expected.Trim()
        || (Uri.TryCreate(actual.Trim(), UriKind.Absolute, out var a) && Uri.TryCreate(expected.Trim(), UriKind.Absolute, out var e) && a.AbsoluteUri == e.AbsoluteUri);

    private static string Plain(string text) =>
        Spaces().Replace(WebUtility.HtmlDecode(Tags().Replace(Hidden().Replace(text, " "), " ")), " ").Trim();

    private static string Short(string? text) => text is null ? "(null)" : text.Length > 60 ? text[..60] + "…" : text;

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"<(script|style)\b[^>]*>.*?</\1\s*>|<!--.*?-->", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
