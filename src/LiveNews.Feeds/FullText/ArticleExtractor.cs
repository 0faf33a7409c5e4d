using LiveNews.Feeds.Parsing;

namespace LiveNews.Feeds.FullText;

/// <summary>
/// Extracts the article from a linked web page (SmartReader, a port of Mozilla's Readability), for
/// feeds whose entries carry only a summary. Bounded: pages over <see cref="MaxPageBytes"/> are not read.
/// </summary>
public static class ArticleExtractor
{
    public const int MaxPageBytes = 4 * 1024 * 1024;

    /// <summary>The article's HTML, or null when the page holds no readable article.</summary>
    public static string? ExtractHtml(byte[] page, string? contentType, Uri url)
    {
        if (page.Length == 0 || page.Length > MaxPageBytes)
        {
            return null;
        }

        var (html, _) = FeedCharset.Decode(page, contentType);
        var article = new SmartReader.Reader(url.ToString(), html).GetArticle();
        return article.IsReadable && !string.IsNullOrWhiteSpace(article.Content) ? article.Content : null;
    }
}
