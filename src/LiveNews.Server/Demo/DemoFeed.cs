using System.Net;
using System.Text;
using LiveNews.Abstractions.Contracts;

namespace LiveNews.Server.Demo;

/// <summary>
/// The demo story as a real RSS feed served by LiveNews itself (/demo/feed.xml): it gains one version
/// of the bundled developing story at a time. Thread-safe.
/// </summary>
public sealed class DemoFeed
{
    private readonly object _gate = new();
    private readonly List<(ArticleVersion Article, DateTimeOffset Published)> _published = [];

    /// <summary>The host and port this node serves the feed on (trusted by the address guard).</summary>
    public (string Host, int Port)? Origin { get; set; }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _published.Count;
            }
        }
    }

    public void Publish(ArticleVersion article, DateTimeOffset at)
    {
        lock (_gate)
        {
            _published.Add((article, at));
        }
    }

    /// <summary>True for the address this node's demo feed is served at.</summary>
    public bool IsOrigin(string host, int port) =>
        Origin is { } origin && origin.Port == port && string.Equals(origin.Host, host, StringComparison.OrdinalIgnoreCase);

    /// <summary>The feed document, newest entry first, bodies as HTML paragraphs.</summary>
    public string Render()
    {
        var sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>LiveNews demo: a developing story</title><link>https://livenews.invalid/demo</link><description>Five real versions of one story, one every few seconds.</description><ttl>1</ttl>\n");
        lock (_gate)
        {
            foreach (var (article, at) in Enumerable.Reverse(_published))
            {
                sb.Append("<item><guid isPermaLink=\"false\">").Append(WebUtility.HtmlEncode(article.Id)).Append("</guid>");
                if (article.Title is { Length: > 0 } title)
                {
                    sb.Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>");
                }

                if (article.Url is { Length: > 0 } url)
                {
                    sb.Append("<link>").Append(WebUtility.HtmlEncode(url)).Append("</link>");
                }

                sb.Append("<pubDate>").Append(at.ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append("</pubDate>");
                var html = string.Concat((article.Text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(p => "<p>" + WebUtility.HtmlEncode(p) + "</p>"));
                sb.Append("<description>").Append(WebUtility.HtmlEncode(html)).Append("</description></item>\n");
            }
        }

        return sb.Append("</channel></rss>\n").ToString();
    }
}
