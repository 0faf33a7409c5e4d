using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace LiveNews.Feeds.Parsing;

/// <summary>
/// Parses a feed document of any supported format from its bytes. Never expands DTD entities (no XML
/// bombs), caps the document size, repairs common breakage (and says so: <see cref="FeedParseResult.Malformed"/>),
/// and reports a clear reason when the document cannot be read.
/// </summary>
public static class FeedParser
{
    /// <summary>Largest document parsed (characters after decoding).</summary>
    public const int MaxCharacters = 20 * 1024 * 1024;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        CheckCharacters = false,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        MaxCharactersInDocument = MaxCharacters,
        MaxCharactersFromEntities = 0,
    };

    /// <summary>
    /// Parses <paramref name="body"/>; <paramref name="contentType"/> is the HTTP Content-Type, if any;
    /// relative links resolve against <paramref name="documentUri"/> (the feed's address) and xml:base.
    /// </summary>
    public static FeedParseResult Parse(ReadOnlySpan<byte> body, string? contentType = null, string? documentUri = null)
    {
        var (text, encoding) = FeedCharset.Decode(body, contentType);
        return ParseText(text, encoding, documentUri);
    }

    /// <summary>Parses already decoded text.</summary>
    public static FeedParseResult ParseText(string text, string encoding = "utf-16", string? documentUri = null)
    {
        var problems = new List<string>();
        if (text.Length > MaxCharacters)
        {
            return new FeedParseResult(null, true, encoding, [$"the document is larger than {MaxCharacters} characters"]);
        }

        var trimmed = text.AsSpan().TrimStart();
        if (trimmed.Length == 0)
        {
            return new FeedParseResult(null, true, encoding, ["the document is empty"]);
        }

        if (trimmed[0] == '{')
        {
            try
            {
                return new FeedParseResult(JsonFeedReader.Read(text), false, encoding, problems);
            }
            catch (Exception ex) when (ex is JsonException or FeedParseException)
            {
                return new FeedParseResult(null, true, encoding, [ex.Message]);
            }
        }

        // Well-formed XML first; then the same document repaired.
        try
        {
            return new FeedParseResult(XmlFeedReader.Read(Load(text), documentUri), false, encoding, problems);
        }
        catch (XmlException ex)
        {
            problems.Add($"not well-formed XML: {ex.Message}");
        }
        catch (FeedParseException ex)
        {
            return new FeedParseResult(null, false, encoding, [ex.Message]);
        }

        var (repaired, _) = XmlRepair.Repair(text);
        repaired = XmlRepair.DeclareKnownPrefixes(repaired);
        try
        {
            return new FeedParseResult(XmlFeedReader.Read(Load(repaired), documentUri), true, encoding, problems);
        }
        catch (XmlException ex)
        {
            problems.Add($"could not repair it: {ex.Message}");
            return new FeedParseResult(null, true, encoding, problems);
        }
        catch (FeedParseException ex)
        {
            problems.Add(ex.Message);
            return new FeedParseResult(null, true, encoding, problems);
        }
    }

    private static XDocument Load(string text)
    {
        using var reader = XmlReader.Create(new StringReader(text), Settings);
        return XDocument.Load(reader, LoadOptions.None);
    }
}
