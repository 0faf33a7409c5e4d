using LiveNews.Feeds.Parsing;

namespace LiveNews.Feeds.Polling;

/// <summary>
/// The entries a feed has shown and what each said last, bounded: the oldest are forgotten beyond
/// <see cref="Capacity"/>. Decides which entries of a fetch are new or edited (a new version).
/// Plain data: persisted with the feed reader's state.
/// </summary>
public sealed class SeenEntries
{
    public const int Capacity = 2_000;

    /// <summary>Entry key to (content hash, version number).</summary>
    public Dictionary<string, SeenEntry> Entries { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Keys in the order they were first seen (oldest first).</summary>
    public List<string> Order { get; set; } = [];

    /// <summary>Entries that are new or changed since the last time, each with its version number (1 for a new entry).</summary>
    public List<(string Key, int Version, FeedEntry Entry)> Update(FeedDocument feed, EntryIdentityMode mode)
    {
        var changed = new List<(string, int, FeedEntry)>();
        foreach (var entry in feed.Entries)
        {
            var key = EntryIdentity.KeyOf(entry, mode);
            var hash = EntryIdentity.ContentHash(entry);
            if (Entries.TryGetValue(key, out var seen))
            {
                if (seen.Hash == hash)
                {
                    continue;
                }

                var version = seen.Version + 1;
                Entries[key] = new SeenEntry(hash, version);
                changed.Add((key, version, entry));
                continue;
            }

            Entries[key] = new SeenEntry(hash, 1);
            Order.Add(key);
            changed.Add((key, 1, entry));
        }

        while (Order.Count > Capacity)
        {
            Entries.Remove(Order[0]);
            Order.RemoveAt(0);
        }

        return changed;
    }
}

/// <summary>What an entry said last (hash) and how many versions it has had.</summary>
public sealed record SeenEntry(string Hash, int Version);
