using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace LiveNews.Feeds.Parsing;

/// <summary>
/// Repairs the common breakage of real feeds before XML parsing: HTML entities XML does not know
/// (&amp;nbsp;) become character references, bare ampersands are escaped, characters XML forbids are
/// dropped, and anything before the first tag goes. Entities declared in a DTD are never expanded (no
/// XML bombs): their references become text.
/// </summary>
public static partial class XmlRepair
{
    private static readonly HashSet<string> XmlEntities = new(StringComparer.Ordinal) { "amp", "lt", "gt", "quot", "apos" };

    private static readonly Dictionary<string, string> KnownPrefixes = new(StringComparer.Ordinal)
    {
        ["content"] = "http://purl.org/rss/1.0/modules/content/",
        ["dc"] = "http://purl.org/dc/elements/1.1/",
        ["dcterms"] = "http://purl.org/dc/terms/",
        ["atom"] = "http://www.w3.org/2005/Atom",
        ["media"] = "http://search.yahoo.com/mrss/",
        ["itunes"] = "http://www.itunes.com/dtds/podcast-1.0.dtd",
        ["rdf"] = "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        ["xhtml"] = "http://www.w3.org/1999/xhtml",
        ["slash"] = "http://purl.org/rss/1.0/modules/slash/",
        ["wfw"] = "http://wellformedweb.org/CommentAPI/",
        ["sy"] = "http://purl.org/rss/1.0/modules/syndication/",
    };

    /// <summary>
    /// Declares the well-known namespace prefixes (content:, dc:, atom:, media:...) that a document uses
    /// without declaring, on its root element.
    /// </summary>
    public static string DeclareKnownPrefixes(string xml)
    {
        var rootStart = RootTag().Match(xml);
        if (!rootStart.Success)
        {
            return xml;
        }

        var declarations = new StringBuilder();
        foreach (var (prefix, ns) in KnownPrefixes)
        {
            if (xml.Contains("<" + prefix + ":", StringComparison.Ordinal) && !xml.Contains("xmlns:" + prefix + "=", StringComparison.Ordinal))
            {
                declarations.Append(" xmlns:").Append(prefix).Append("=\"").Append(ns).Append('"');
            }
        }

        return declarations.Length == 0 ? xml : xml.Insert(rootStart.Index + rootStart.Length, declarations.ToString());
    }

    /// <summary>Returns the repaired text and whether anything had to be repaired.</summary>
    public static (string Text, bool Repaired) Repair(string xml)
    {
        var repaired = false;
        var start = xml.IndexOf('<', StringComparison.Ordinal);
        if (start > 0)
        {
            xml = xml[start..];
            repaired = true;
        }

        var sb = new StringBuilder(xml.Length + 64);
        var i = 0;
        while (i < xml.Length)
        {
            var c = xml[i];
            if (c == '<' && string.CompareOrdinal(xml, i, "<![CDATA[", 0, 9) == 0)
            {
                // CDATA is taken as it is.
                var end = xml.IndexOf("]]>", i + 9, StringComparison.Ordinal);
                end = end < 0 ? xml.Length : end + 3;
                AppendValidChars(sb, xml.AsSpan(i, end - i), ref repaired);
                i = end;
                continue;
            }

            if (c == '&')
            {
                var match = EntityReference().Match(xml, i);
                if (match.Success && match.Index == i)
                {
                    var name = match.Groups["name"].Value;
                    if (name.Length == 0 || XmlEntities.Contains(name))
                    {
                        // XML wants a lower-case x in hexadecimal references.
                        sb.Append(match.Value.StartsWith("&#X", StringComparison.Ordinal) ? "&#x" + match.Value[3..] : match.Value);
                        repaired |= match.Value.StartsWith("&#X", StringComparison.Ordinal);
                    }
                    else
                    {
                        var decoded = WebUtility.HtmlDecode(match.Value);
                        if (decoded != match.Value)
                        {
                            foreach (var rune in decoded.EnumerateRunes())
                            {
                                sb.Append("&#").Append(rune.Value).Append(';');
                            }
                        }
                        else
                        {
                            sb.Append("&amp;").Append(match.Value.AsSpan(1));
                        }

                        repaired = true;
                    }

                    i += match.Length;
                    continue;
                }

                sb.Append("&amp;");
                repaired = true;
                i++;
                continue;
            }

            if (IsXmlChar(c) || char.IsSurrogate(c))
            {
                sb.Append(c);
            }
            else
            {
                repaired = true;
            }

            i++;
        }

        // A document cut off inside its last end tag ("</rss"): close it.
        var result = sb.ToString().TrimEnd();
        var lastOpen = result.LastIndexOf("</", StringComparison.Ordinal);
        if (lastOpen >= 0 && result.IndexOf('>', lastOpen) < 0 && result.Length - lastOpen < 64)
        {
            result += ">";
            repaired = true;
        }

        return (result, repaired);
    }

    private static void AppendValidChars(StringBuilder sb, ReadOnlySpan<char> text, ref bool repaired)
    {
        foreach (var c in text)
        {
            if (IsXmlChar(c) || char.IsSurrogate(c))
            {
                sb.Append(c);
            }
            else
            {
                repaired = true;
            }
        }
    }

    private static bool IsXmlChar(char c) => c is '\t' or '\n' or '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);

    [GeneratedRegex(@"<(?![?!])[A-Za-z_][\w:.-]*", RegexOptions.CultureInvariant)]
    private static partial Regex RootTag();

    [GeneratedRegex(@"\G&(?:#(?:[0-9]{1,7}|[xX][0-9a-fA-F]{1,6})|(?<name>[A-Za-z][A-Za-z0-9._-]{0,31}));", RegexOptions.CultureInvariant)]
    private static partial Regex EntityReference();
}
