using System.Security.Cryptography;
using System.Text;
using LiveNews.Feeds.Parsing;

namespace LiveNews.Feeds.Polling;

/// <summary>Who an entry is (GUID, else link, else a hash of title and content) and what it says (a content hash).</summary>
public static class EntryIdentity
{
    /// <summary>The entry's identity within its feed.</summary>
    public static string KeyOf(FeedEntry entry, EntryIdentityMode mode = EntryIdentityMode.Auto) => mode switch
    {
        EntryIdentityMode.Link when entry.Link is { Length: > 0 } link => link,
        EntryIdentityMode.Hash => "h:" + Hash(entry.Title, entry.Content ?? entry.Summary),
        _ => entry.Id is { Length: > 0 } id ? id
            : entry.Link is { Length: > 0 } l ? l
            : "h:" + Hash(entry.Title, entry.Content ?? entry.Summary),
    };

    /// <summary>The mode a subscription names ("link", "hash"; anything else is <see cref="EntryIdentityMode.Auto"/>).</summary>
    public static EntryIdentityMode ParseMode(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "link" => EntryIdentityMode.Link,
        "hash" => EntryIdentityMode.Hash,
        _ => EntryIdentityMode.Auto,
    };

    /// <summary>The article id of an entry of a feed: the feed's id and the entry's key (hashed when long).</summary>
    public static string ArticleId(string feedId, string key) =>
        feedId + ":" + (key.Length <= 200 ? key : Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16).ToLowerInvariant());

    /// <summary>A hash of what the entry says: when it changes, the entry has a new version.</summary>
    public static string ContentHash(FeedEntry entry) => Hash(entry.Title, entry.Summary, entry.Content, entry.Link);

    private static string Hash(params string?[] parts)
    {
        var text = string.Join("\u001f", parts.Select(p => p?.Trim() ?? ""));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)), 0, 12).ToLowerInvariant();
    }
}

/// <summary>How a feed's entries are told apart (configurable per feed).</summary>
public enum EntryIdentityMode
{
    /// <summary>GUID, else link, else a hash of title and content.</summary>
    Auto,

    /// <summary>The link (for feeds whose GUIDs change on every fetch).</summary>
    Link,

    /// <summary>A hash of title and content.</summary>
    Hash,
}
