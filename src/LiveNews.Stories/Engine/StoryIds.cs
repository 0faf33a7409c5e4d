using System.Security.Cryptography;
using System.Text;

namespace LiveNews.Stories.Engine;

/// <summary>Story ids: derived from the article that opened the story, so a replay gives the same ids.</summary>
public static class StoryIds
{
    /// <summary>The id of the story that <paramref name="articleId"/> opens.</summary>
    public static string ForOpeningArticle(string articleId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(articleId));
        return "s" + Convert.ToHexString(hash, 0, 8).ToLowerInvariant();
    }
}
