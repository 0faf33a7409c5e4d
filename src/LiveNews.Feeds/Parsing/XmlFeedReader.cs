using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace LiveNews.Feeds.Parsing;

/// <summary>Reads RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 0.3/1.0 documents, with the common extensions.</summary>
internal static partial class XmlFeedReader
{
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string Atom03Ns = "http://purl.org/atom/ns#";
    private const string ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private const string DcNs = "http://purl.org/dc/elements/1.1/";
    private const string MediaNs = "http://search.yahoo.com/mrss/";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";
    private const string DctermsNs = "http://purl.org/dc/terms/";
    private const string ItunesNs = "http://www.itunes.com/dtds/podcast-1.0.dtd";

    public static FeedDocument Read(XDocument document, string? documentUri = null)
    {
        var root = document.Root ?? throw new FeedParseException("the document has no root element");

        // The document's address is the outermost base for relative links.
        if (documentUri is not null && Uri.TryCreate(documentUri, UriKind.Absolute, out var docBase))
        {
            var own = (string?)root.Attribute(XNamespace.Xml + "base");
            var combined = own is null ? docBase : Uri.TryCreate(docBase, own, out var c) ? c : docBase;
            root.SetAttributeValue(XNamespace.Xml + "base", combined.ToString());
        }

        var name = root.Name.LocalName.ToLowerInvariant();
        return name switch
        {
            "rss" => ReadRss(root, FeedFormat.Rss, (string?)root.Attribute("version")),
            "rdf" => ReadRss(root, FeedFormat.Rdf, "1.0"),
            "channel" => ReadRss(root, FeedFormat.Rss, null),
            "feed" => ReadAtom(root),
            _ => throw new FeedParseException($"not a feed: the root element is <{root.Name.LocalName}>"),
        };
    }

    private static FeedDocument ReadRss(XElement root, FeedFormat format, string? version)
    {
        var channel = root.Name.LocalName.Equals("channel", StringComparison.OrdinalIgnoreCase) ? root : Child(root, "channel");
        var items = format == FeedFormat.Rdf || channel is null
            ? Children(root, "item")
            : Children(channel, "item").Concat(Children(root, "item"));
        var ttl = int.TryParse(Text(Child(channel, "ttl")), out var minutes) && minutes > 0 ? minutes : (int?)null;
        return new FeedDocument
        {
            Format = format,
            Version = version,
            Title = PlainText(Text(Child(channel, "title")) ?? Text(Child(channel, "title", DcNs))),
            Link = RssLink(channel),
            Description = Text(Child(channel, "description")) ?? Text(Child(channel, "description", DcNs)) ?? Text(Child(channel, "summary", ItunesNs)),
            Language = Text(Child(channel, "language")) ?? Text(Child(channel, "language", DcNs)),
            Updated = FeedDates.Parse(Text(Child(channel, "lastBuildDate")) ?? Text(Child(channel, "pubDate")) ?? Text(Child(channel, "date", DcNs))
                ?? Text(Child(channel, "modified", DctermsNs)) ?? Text(Child(channel, "issued", DctermsNs)) ?? Text(Child(channel, "created", DctermsNs))),
            TimeToLiveMinutes = ttl,
            Entries = [.. items.Select(ReadRssItem)],
        };
    }

    private static FeedEntry ReadRssItem(XElement item)
    {
        var guid = Child(item, "guid");
        var guidText = Text(guid);
        var permaLink = guid is not null && !string.Equals((string?)guid.Attribute("isPermaLink"), "false", StringComparison.OrdinalIgnoreCase);
        var link = RssLink(item) ?? (permaLink && LooksLikeUrl(guidText) ? guidText : null)
            ?? (string?)item.Attribute(XName.Get("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"));
        var description = Text(Child(item, "description")) ?? Text(Child(item, "summary")) ?? Text(Child(item, "summary", ItunesNs));
        var content = Text(Child(item, "encoded", ContentNs)) ?? Text(Child(item, "content", AtomNs)) ?? Text(Child(item, "fullitem"))
            ?? (Child(item, "body", XhtmlNs) is { } body ? string.Concat(body.Nodes().Select(n => n is XElement e ? StripNamespaces(e).ToString(SaveOptions.DisableFormatting) : n.ToString())) : null);
        var authors = Children(item, "author").Concat(Children(item, "creator", DcNs)).Select(Text).OfType<string>().ToList();
        var categories = Children(item, "category").Concat(Children(item, "subject", DcNs)).Select(Text).OfType<string>().ToList();
        var media = Children(item, "enclosure").Select(e => (string?)e.Attribute("url"))
            .Concat(item.Descendants().Where(e => e.Name.NamespaceName == MediaNs && e.Name.LocalName is "content" or "thumbnail").Select(e => (string?)e.Attribute("url")))
            .OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return new FeedEntry
        {
            Id = guidText ?? (string?)item.Attribute(XName.Get("about", "http://www.w3.org/1999/02/22-rdf-syntax-ns#")),
            Link = link,
            Title = PlainText(Text(Child(item, "title")) ?? Text(Child(item, "title", DcNs)) ?? Text(Child(item, "title", MediaNs))),
            Summary = description ?? Text(Child(item, "description", DcNs)),
            Content = content,
            Published = FeedDates.Parse(Text(Child(item, "pubDate")) ?? Text(Child(item, "date", DcNs)) ?? Text(Child(item, "issued", DctermsNs))
                ?? Text(Child(item, "created", DctermsNs)) ?? Text(Child(item, "published", AtomNs))),
            Updated = FeedDates.Parse(Text(Child(item, "updated", AtomNs)) ?? Text(Child(item, "modified", DctermsNs))),
            Authors = authors,
            Categories = categories,
            Media = media,
        };
    }

    private static FeedDocument ReadAtom(XElement feed)
    {
        var ns = feed.Name.NamespaceName;
        var format = ns == Atom03Ns ? FeedFormat.Atom03 : FeedFormat.Atom10;
        return new FeedDocument
        {
            Format = format,
            Version = format == FeedFormat.Atom03 ? "0.3" : "1.0",
            Id = ResolveId(Child(feed, "id")),
            Title = PlainText(TextConstruct(Child(feed, "title"))),
            Link = AtomLink(feed),
            Description = TextConstruct(Child(feed, "subtitle")) ?? TextConstruct(Child(feed, "tagline")),
            Language = (string?)feed.Attribute(XNamespace.Xml + "lang"),
            Updated = FeedDates.Parse(Text(Child(feed, "updated")) ?? Text(Child(feed, "modified"))),
            Entries = [.. Children(feed, "entry").Select(ReadAtomEntry)],
        };
    }

    private static FeedEntry ReadAtomEntry(XElement entry)
    {
        var contentElement = Child(entry, "content");
        return new FeedEntry
        {
            Id = ResolveId(Child(entry, "id")),
            Link = AtomLink(entry),
            Title = PlainText(TextConstruct(Child(entry, "title"))),
            Summary = TextConstruct(Child(entry, "summary")),
            Content = (string?)contentElement?.Attribute("src") is { } src && contentElement.IsEmpty ? null : TextConstruct(contentElement),
            Published = FeedDates.Parse(Text(Child(entry, "published")) ?? Text(Child(entry, "issued")) ?? Text(Child(entry, "created"))),
            Updated = FeedDates.Parse(Text(Child(entry, "updated")) ?? Text(Child(entry, "modified"))),
            Authors = [.. Children(entry, "author").Select(a => Text(Child(a, "name")) ?? Text(a)).OfType<string>()],
            Categories = [.. Children(entry, "category").Select(c => (string?)c.Attribute("term") ?? Text(c)).OfType<string>()],
            Media = [.. Children(entry, "link").Where(l => (string?)l.Attribute("rel") == "enclosure").Select(l => (string?)l.Attribute("href")).OfType<string>()],
        };
    }

    /// <summary>An Atom text construct: text as is, html decoded once by XML, xhtml as its markup.</summary>
    private static string? TextConstruct(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var type = ((string?)element.Attribute("type"))?.Trim().ToLowerInvariant();
        var mode = ((string?)element.Attribute("mode"))?.Trim().ToLowerInvariant();
        if (type is "xhtml" or "application/xhtml+xml" || (mode == "xml" && element.HasElements))
        {
            var div = element.Elements().FirstOrDefault(e => e.Name.LocalName == "div" && (e.Name.NamespaceName == XhtmlNs || e.Name.NamespaceName.Length == 0));
            var container = div ?? element;
            var markup = string.Concat(container.Nodes().Select(n => n is XElement e ? StripNamespaces(e).ToString(SaveOptions.DisableFormatting) : n.ToString(SaveOptions.DisableFormatting)));
            return markup.Trim();
        }

        var binaryType = type is not null && !type.StartsWith("text", StringComparison.Ordinal) && type is not ("html" or "xhtml")
            && !type.Contains("xml", StringComparison.Ordinal) && !type.Contains("html", StringComparison.Ordinal);
        if (mode == "base64" || binaryType)
        {
            try
            {
                return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(element.Value.Trim()));
            }
            catch (FormatException)
            {
                return element.Value;
            }
        }

        return element.HasElements ? string.Concat(element.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting))).Trim() : Text(element);
    }

    private static XElement StripNamespaces(XElement element) =>
        new(element.Name.LocalName,
            element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => new XAttribute(a.Name.LocalName, a.Value)),
            element.Nodes().Select(n => n is XElement e ? StripNamespaces(e) : n));

    /// <summary>
    /// The link of an RSS channel or item. Several core &lt;link&gt; elements: the last one wins (as
    /// feedparser and gofeed read them), from its text or its href; else an Atom alternate link.
    /// </summary>
    private static string? RssLink(XElement? parent)
    {
        if (parent is null)
        {
            return null;
        }

        string? core = null;
        XElement? coreElement = null;
        string? atom = null;
        foreach (var link in parent.Elements().Where(e => e.Name.LocalName == "link"))
        {
            var ns = link.Name.NamespaceName;
            if (ns == AtomNs)
            {
                if (atom is null && (string?)link.Attribute("rel") is null or "alternate" && (string?)link.Attribute("href") is { Length: > 0 } href)
                {
                    atom = Resolve(href, link);
                }

                continue;
            }

            if (ns.Length == 0 || ns.StartsWith("http://purl.org/rss/1.0", StringComparison.Ordinal) || ns == "http://my.netscape.com/rdf/simple/0.9/")
            {
                var value = Text(link) ?? (string?)link.Attribute("href");
                if (!string.IsNullOrWhiteSpace(value))
                {
                    core = value.Trim();
                    coreElement = link;
                }
            }
        }

        return core is not null ? Resolve(core, coreElement) : atom;
    }

    private static string? AtomLink(XElement parent)
    {
        var links = Children(parent, "link").ToList();
        var alternate = links.FirstOrDefault(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate" && IsHtmlType((string?)l.Attribute("type")))
            ?? links.FirstOrDefault(l => ((string?)l.Attribute("rel") ?? "alternate") == "alternate")
            ?? links.FirstOrDefault();
        var href = (string?)alternate?.Attribute("href") ?? Text(alternate);
        return Resolve(href, alternate);
    }

    private static string? ResolveId(XElement? id)
    {
        var text = Text(id);
        return text is not null && text.StartsWith('/') ? Resolve(text, id) : text;
    }

    private static bool IsHtmlType(string? type) => type is null || type.Contains("html", StringComparison.OrdinalIgnoreCase);

    /// <summary>Resolves a relative link against xml:base in scope.</summary>
    private static string? Resolve(string? href, XElement? at)
    {
        if (string.IsNullOrWhiteSpace(href) || at is null || IsAbsolute(href.Trim()))
        {
            return href?.Trim();
        }

        var bases = at.AncestorsAndSelf().Select(e => (string?)e.Attribute(XNamespace.Xml + "base")).OfType<string>().Reverse().ToList();
        Uri? baseUri = null;
        foreach (var b in bases)
        {
            baseUri = baseUri is null ? (Uri.TryCreate(b, UriKind.Absolute, out var abs) ? abs : null) : (Uri.TryCreate(baseUri, b, out var rel) ? rel : baseUri);
        }

        return baseUri is not null && Uri.TryCreate(baseUri, href.Trim(), out var resolved) ? resolved.ToString() : href.Trim();
    }

    /// <summary>True for an address with a scheme ("/path" is relative here, whatever Unix paths say).</summary>
    private static bool IsAbsolute(string href) =>
        !href.StartsWith('/') && Uri.TryCreate(href, UriKind.Absolute, out var uri) && !uri.IsFile;

    private static bool LooksLikeUrl(string? text) =>
        text is not null && (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase));

    private static XElement? Child(XElement? parent, string localName, string? ns = null) =>
        parent?.Elements().FirstOrDefault(e => e.Name.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase)
            && (ns is null ? !IsExtension(e.Name.NamespaceName) : e.Name.NamespaceName == ns));

    private static IEnumerable<XElement> Children(XElement? parent, string localName, string? ns = null) =>
        parent?.Elements().Where(e => e.Name.LocalName.Equals(localName, StringComparison.OrdinalIgnoreCase)
            && (ns is null ? !IsExtension(e.Name.NamespaceName) : e.Name.NamespaceName == ns)) ?? [];

    /// <summary>Namespaces of extensions whose element names clash with the core ones (dc:title, media:title).</summary>
    private static bool IsExtension(string ns) =>
        ns is DcNs or MediaNs or ContentNs or "http://purl.org/dc/terms/" or "http://www.itunes.com/dtds/podcast-1.0.dtd";

    private static string? Text(XElement? element)
    {
        if (element is null)
        {
            return null;
        }

        var value = element.Value.Trim();
        return value.Length == 0 ? null : Demoronize(value);
    }

    /// <summary>C1 control characters in feeds are Windows-1252 punctuation written as Unicode by mistake.</summary>
    private static string Demoronize(string text)
    {
        if (!text.Any(c => c is >= '\u0080' and <= '\u009F'))
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is >= '\u0080' and <= '\u009F')
            {
                var mapped = Cp1252.GetString([(byte)chars[i]]);
                chars[i] = mapped.Length == 1 ? mapped[0] : chars[i];
            }
        }

        return new string(chars);
    }

    private static readonly System.Text.Encoding Cp1252 = CreateCp1252();

    private static System.Text.Encoding CreateCp1252()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding(1252);
    }

    /// <summary>Plain text of a title that may carry markup or entities.</summary>
    internal static string? PlainText(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var stripped = text.Contains('<', StringComparison.Ordinal) ? Tags().Replace(Hidden().Replace(text, ""), "") : text;
        var decoded = WebUtility.HtmlDecode(stripped);
        return Spaces().Replace(decoded, " ").Trim();
    }

    [GeneratedRegex(@"<[^>]{0,2000}>")]
    private static partial Regex Tags();

    /// <summary>What a reader never sees: scripts, styles, comments (closed or not).</summary>
    [GeneratedRegex(@"<(script|style)\b[^>]{0,2000}>.*?(</\1\s*>|$)|<!--.*?(-->|$)", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
