using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace LiveNews.Text.Normalization;

/// <summary>
/// Turns HTML into plain text: block elements become paragraphs, scripts, styles and page chrome
/// (nav, aside, footer, forms) are dropped, entities are decoded. Never executes anything.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
        "nav", "aside", "footer", "form", "button", "select", "input", "textarea", "head", "figure",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "section", "article", "header", "main", "h1", "h2", "h3", "h4", "h5", "h6",
        "ul", "ol", "li", "blockquote", "pre", "table", "tr", "dl", "dt", "dd", "hr", "figcaption", "address",
    };

    /// <summary>Maximum characters of HTML read; the rest is ignored (bounded work on hostile input).</summary>
    public const int MaxHtmlLength = 4 * 1024 * 1024;

    /// <summary>Converts an HTML fragment or document to normalised plain text.</summary>
    public static string ToText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        if (html.Length > MaxHtmlLength)
        {
            html = html[..MaxHtmlLength];
        }

        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        using var document = parser.ParseDocument(html);
        var sb = new StringBuilder(html.Length / 2);
        var root = (INode?)document.Body ?? document.DocumentElement;
        if (root is not null)
        {
            Append(root, sb, depth: 0);
        }

        return TextNormalizer.Normalize(sb.ToString());
    }

    private static void Append(INode node, StringBuilder sb, int depth)
    {
        if (depth > 256)
        {
            return;
        }

        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    sb.Append(text.Data);
                    break;
                case IElement element:
                    var name = element.LocalName;
                    if (Dropped.Contains(name))
                    {
                        break;
                    }

                    if (name == "br")
                    {
                        sb.Append('\n');
                        break;
                    }

                    var block = Blocks.Contains(name);
                    if (block)
                    {
                        sb.Append("\n\n");
                    }

                    Append(element, sb, depth + 1);
                    if (block)
                    {
                        sb.Append("\n\n");
                    }
                    else if (name is "td" or "th")
                    {
                        sb.Append(' ');
                    }

                    break;
            }
        }
    }

    /// <summary>True when the text looks like markup rather than plain text.</summary>
    public static bool LooksLikeHtml(string text)
    {
        var span = text.AsSpan();
        var tags = 0;
        for (var i = 0; i < span.Length - 2 && i < 20_000; i++)
        {
            if (span[i] == '<' && (char.IsLetter(span[i + 1]) || span[i + 1] == '/'))
            {
                var close = span[i..].IndexOf('>');
                if (close > 0 && close < 200)
                {
                    tags++;
                    if (tags >= 3)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
