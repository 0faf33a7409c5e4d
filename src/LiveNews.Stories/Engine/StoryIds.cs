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

    /// <summary>
    /// Which of <paramref name="shards"/> index shards holds a story: from its id alone (FNV-1a, the same on
    /// every node and every run), so that anyone holding a story id knows where it lives.
    /// </summary>
    public static int Shard(string storyId, int shards)
    {
        ArgumentNullException.ThrowIfNull(storyId);
        if (shards <= 1)
        {
            return 0;
        }

        var hash = 2166136261u;
        foreach (var c in storyId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)shards);
    }
}
