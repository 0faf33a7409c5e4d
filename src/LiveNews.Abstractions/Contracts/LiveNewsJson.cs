using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LiveNews.Abstractions.Contracts;

/// <summary>The one JSON shape of every LiveNews contract on the wire: camelCase, enums as names.</summary>
public static class LiveNewsJson
{
    /// <summary>Options for reading and writing contracts (camelCase, case-insensitive on read, compact).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = false,
            // Keep non-ASCII text readable in JSONL; HTML-sensitive characters stay escaped.
            Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
            NumberHandling = JsonNumberHandling.Strict,
            MaxDepth = 32,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
