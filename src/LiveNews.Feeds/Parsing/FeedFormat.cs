namespace LiveNews.Feeds.Parsing;

/// <summary>The syndication format a document was read as.</summary>
public enum FeedFormat
{
    Unknown,
    Rss,
    Rdf,
    Atom10,
    Atom03,
    JsonFeed,
}
