using System.Text.Json;

namespace LiveNews.Feeds.Parsing;

/// <summary>Reads JSON Feed 1.0 and 1.1.</summary>
internal static class JsonFeedReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 32, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static FeedDocument Read(string json)
    {
        using var document = JsonDocument.Parse(json, Options);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FeedParseException("not a JSON Feed: the document is not a JSON object");
        }

        var version = String(root, "version");
        if (version is null || !version.Contains("jsonfeed.org", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeedParseException("not a JSON Feed: no https://jsonfeed.org/version/... version");
        }

        var entries = new List<FeedEntry>();
        if (root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                entries.Add(new FeedEntry
                {
                    Id = String(item, "id") ?? (item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.Number ? id.GetRawText() : null),
                    Link = String(item, "url") ?? String(item, "external_url"),
                    Title = XmlFeedReader.PlainText(String(item, "title")),
                    Summary = String(item, "summary"),
                    Content = String(item, "content_html") ?? String(item, "content_text"),
                    Published = FeedDates.Parse(String(item, "date_published")),
                    Updated = FeedDates.Parse(String(item, "date_modified")),
                    Authors = Authors(item),
                    Categories = item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array
                        ? [.. tags.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!)]
                        : [],
                    Media = [.. new[] { String(item, "image"), String(item, "banner_image") }.OfType<string>()],
                });
            }
        }

        return new FeedDocument
        {
            Format = FeedFormat.JsonFeed,
            Version = version.Contains("1.1", StringComparison.Ordinal) ? "1.1" : "1.0",
            Title = XmlFeedReader.PlainText(String(root, "title")),
            Link = String(root, "home_page_url"),
            Description = String(root, "description"),
            Language = String(root, "language"),
            Entries = entries,
        };
    }

    private static List<string> Authors(JsonElement item)
    {
        var result = new List<string>();
        if (item.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array)
        {
            result.AddRange(authors.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.Object).Select(a => String(a, "name")).OfType<string>());
        }

        if (item.TryGetProperty("author", out var author) && author.ValueKind == JsonValueKind.Object && String(author, "name") is { } name)
        {
            result.Add(name);
        }

        return result;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } s ? s : null;
}
