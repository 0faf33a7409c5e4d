using LiveNews.Stories.Analysis;
using LiveNews.Text.Sentences;

namespace LiveNews.Stories.Tests;

/// <summary>
/// Turns some articles of a labelled stream into short feed items, as many feeds send them: the headline
/// alone, or the headline and one line. The same seed cuts the same articles, so the figures repeat.
/// </summary>
internal static class ShortItems
{
    /// <summary>
    /// <paramref name="articles"/> in their order, with about <paramref name="share"/> of those that have a
    /// headline cut to it alone (<paramref name="firstLine"/> false) or to it and the body's first sentence
    /// that is not the headline again. A title that is the page's address (half of ecbplus-dev's) is no
    /// headline, and its article is left whole.
    /// </summary>
    public static List<ArticleInput> Cut(IEnumerable<ArticleInput> articles, double share, int seed, bool firstLine)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var random = new Random(seed);
        return [.. articles.Select(article => random.NextDouble() < share && HasHeadline(article)
            ? article with { Text = firstLine ? FirstLine(article) : "", Html = null }
            : article)];
    }

    private static bool HasHeadline(ArticleInput article) =>
        !string.IsNullOrWhiteSpace(article.Title) && !ArticleAnalyzer.LooksLikeUrl(article.Title.Trim());

    private static string FirstLine(ArticleInput article) =>
        (article.Text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(SentenceSplitter.Split)
            .Select(sentence => sentence.Trim())
            .FirstOrDefault(sentence => sentence.Length > 0 && !string.Equals(sentence, article.Title!.Trim(), StringComparison.OrdinalIgnoreCase)) ?? "";
}
