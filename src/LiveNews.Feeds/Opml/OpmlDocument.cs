using System.Xml;
using System.Xml.Linq;

namespace LiveNews.Feeds.Opml;

/// <summary>OPML subscription lists: read (safely, bounded) and written.</summary>
public static class OpmlDocument
{
    public const int MaxOutlines = 10_000;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Ignore,
        XmlResolver = null,
        MaxCharactersInDocument = 5 * 1024 * 1024,
        IgnoreComments = true,
    };

    /// <summary>The feeds an OPML document lists (outlines with an xmlUrl), with their titles.</summary>
    public static List<(string Url, string? Title)> Read(string opml)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(opml), Settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FormatException("not a readable OPML document: " + ex.Message, ex);
        }

        if (document.Root?.Name.LocalName != "opml")
        {
            throw new FormatException("not an OPML document: the root element is not <opml>");
        }

        return document.Descendants()
            .Where(e => e.Name.LocalName == "outline")
            .Select(e => ((string?)e.Attribute("xmlUrl"), (string?)e.Attribute("title") ?? (string?)e.Attribute("text")))
            .Where(o => !string.IsNullOrWhiteSpace(o.Item1))
            .Select(o => (o.Item1!.Trim(), o.Item2))
            .DistinctBy(o => o.Item1, StringComparer.Ordinal)
            .Take(MaxOutlines)
            .ToList();
    }

    /// <summary>An OPML 2.0 document listing <paramref name="feeds"/>.</summary>
    public static string Write(IEnumerable<(string Url, string? Title)> feeds, DateTimeOffset created)
    {
        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement("opml", new XAttribute("version", "2.0"),
                new XElement("head",
                    new XElement("title", "LiveNews subscriptions"),
                    new XElement("dateCreated", created.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
                new XElement("body", feeds.Select(f => new XElement("outline",
                    new XAttribute("type", "rss"),
                    new XAttribute("text", f.Title ?? f.Url),
                    new XAttribute("title", f.Title ?? f.Url),
                    new XAttribute("xmlUrl", f.Url))))));
        return document.Declaration + "\n" + document.Root!.ToString();
    }
}
