using System.Text.Json;
using LiveNews.Stories.Analysis;

namespace LiveNews.Stories.Tests;

/// <summary>Reads article JSONL fixtures into engine inputs.</summary>
internal static class CorpusReader
{
    public static List<ArticleInput> Read(string path) =>
        File.ReadLines(path).Where(line => !string.IsNullOrWhiteSpace(line)).Select(ReadLine).ToList();

    /// <summary>One article JSONL line as an engine input.</summary>
    public static ArticleInput ReadLine(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        return new ArticleInput
        {
            Id = root.GetProperty("id").GetString()!,
            Source = root.TryGetProperty("source", out var s) ? s.GetString() ?? "" : "",
            Url = root.TryGetProperty("url", out var u) ? u.GetString() : null,
            Title = root.TryGetProperty("title", out var t) ? t.GetString() : null,
            Published = root.TryGetProperty("published", out var p) && p.ValueKind == JsonValueKind.String ? DateTimeOffset.Parse(p.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : DateTimeOffset.UnixEpoch,
            Text = root.TryGetProperty("text", out var x) ? x.GetString() : null,
            Html = root.TryGetProperty("html", out var h) ? h.GetString() : null,
        };
    }

    public static List<ArticleInput> Seeds() => Read(LiveNews.Tests.Shared.Fixtures.SeedsJsonl);
}
