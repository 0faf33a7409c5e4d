using System.Globalization;
using System.Text.Json;
using LiveNews.Abstractions.Contracts;

namespace LiveNews.Server.Ingestion;

/// <summary>
/// Reads article versions from JSON (one object), JSONL (one object a line) or a JSON array, with a
/// clear reason for every line that cannot be read. Bounded: lines, fields and depth have limits.
/// </summary>
public static class ArticleJson
{
    public const int MaxIdLength = 512;
    public const int MaxSourceLength = 256;
    public const int MaxUrlLength = 4096;
    public const int MaxTitleLength = 4096;
    public const int MaxBodyFieldLength = 4 * 1024 * 1024;
    public const int MaxLineLength = 8 * 1024 * 1024;

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 16, AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow };

    /// <summary>Parses a request body: a JSON array of objects, or JSONL.</summary>
    public static List<ArticleParseResult> ParseBody(string body, DateTimeOffset receivedAt)
    {
        var trimmed = body.AsSpan().TrimStart();
        if (trimmed.Length > 0 && trimmed[0] == '[')
        {
            return ParseArray(body, receivedAt);
        }

        var results = new List<ArticleParseResult>();
        long line = 0;
        using var reader = new StringReader(body);
        while (reader.ReadLine() is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            results.Add(ParseLine(text, line, receivedAt));
        }

        return results;
    }

    /// <summary>Parses one JSONL line.</summary>
    public static ArticleParseResult ParseLine(string text, long line, DateTimeOffset receivedAt)
    {
        if (text.Length > MaxLineLength)
        {
            return new ArticleParseResult(line, null, $"line is longer than {MaxLineLength} characters");
        }

        try
        {
            using var document = JsonDocument.Parse(text, DocumentOptions);
            return FromElement(document.RootElement, line, receivedAt);
        }
        catch (JsonException ex)
        {
            return new ArticleParseResult(line, null, "not valid JSON: " + FirstSentence(ex.Message));
        }
    }

    private static List<ArticleParseResult> ParseArray(string body, DateTimeOffset receivedAt)
    {
        try
        {
            using var document = JsonDocument.Parse(body, DocumentOptions);
            var results = new List<ArticleParseResult>();
            long index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                index++;
                results.Add(FromElement(element, index, receivedAt));
            }

            return results;
        }
        catch (JsonException ex)
        {
            return [new ArticleParseResult(1, null, "not a valid JSON array: " + FirstSentence(ex.Message))];
        }
    }

    /// <summary>Reads one article object.</summary>
    public static ArticleParseResult FromElement(JsonElement element, long line, DateTimeOffset receivedAt)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new ArticleParseResult(line, null, $"expected a JSON object, found {element.ValueKind}");
        }

        string? id = null, source = null, url = null, title = null, text = null, html = null;
        DateTimeOffset? published = null;
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            string? error = null;
            switch (name)
            {
                case "id":
                    id = value.ValueKind switch
                    {
                        JsonValueKind.String => value.GetString(),
                        JsonValueKind.Number => value.GetRawText(),
                        _ => null,
                    };
                    error = id is null ? "'id' must be a string" : null;
                    break;
                case "source":
                    error = ReadString(value, name, MaxSourceLength, out source);
                    break;
                case "url":
                case "link":
                    error = ReadString(value, name, MaxUrlLength, out url);
                    break;
                case "title":
                    error = ReadString(value, name, MaxTitleLength, out title);
                    break;
                case "text":
                    error = ReadString(value, name, MaxBodyFieldLength, out text);
                    break;
                case "html":
                    error = ReadString(value, name, MaxBodyFieldLength, out html);
                    break;
                case "published":
                    error = ReadDate(value, out published);
                    break;
            }

            if (error is not null)
            {
                return new ArticleParseResult(line, null, error);
            }
        }

        if (string.IsNullOrWhiteSpace(id))
        {
            return new ArticleParseResult(line, null, "'id' is missing or empty");
        }

        if (id.Length > MaxIdLength)
        {
            return new ArticleParseResult(line, null, $"'id' is longer than {MaxIdLength} characters");
        }

        if (string.IsNullOrWhiteSpace(text) && string.IsNullOrWhiteSpace(html) && string.IsNullOrWhiteSpace(title))
        {
            return new ArticleParseResult(line, null, "the article has no 'title', 'text' or 'html'");
        }

        return new ArticleParseResult(line, new ArticleVersion
        {
            Id = id,
            Source = string.IsNullOrWhiteSpace(source) ? "unknown" : source.Trim(),
            Url = url,
            Title = title,
            Published = published ?? receivedAt,
            Text = text,
            Html = html,
            ReceivedAt = receivedAt,
        }, null);
    }

    private static string? ReadString(JsonElement value, string name, int maxLength, out string? result)
    {
        result = null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null:
                return null;
            case JsonValueKind.String:
                result = value.GetString();
                return result is not null && result.Length > maxLength ? $"'{name}' is longer than {maxLength} characters" : null;
            default:
                return $"'{name}' must be a string or null, found {value.ValueKind}";
        }
    }

    private static string? ReadDate(JsonElement value, out DateTimeOffset? result)
    {
        result = null;
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return $"'published' must be an ISO 8601 string, found {value.ValueKind}";
        }

        var text = value.GetString();
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            result = parsed;
            return null;
        }

        return $"'published' is not an ISO 8601 date: '{Truncate(text, 40)}'";
    }

    private static string Truncate(string? text, int max) => text is null ? "" : text.Length <= max ? text : text[..max] + "…";

    private static string FirstSentence(string message)
    {
        var dot = message.IndexOf(". ", StringComparison.Ordinal);
        return dot > 0 ? message[..(dot + 1)] : message;
    }
}
