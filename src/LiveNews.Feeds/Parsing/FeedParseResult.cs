namespace LiveNews.Feeds.Parsing;

/// <summary>
/// What parsing a document gave: the feed (null when nothing could be read), whether the document was
/// malformed (read by recovering from errors), the encoding used, and the problems met.
/// </summary>
public sealed record FeedParseResult(FeedDocument? Feed, bool Malformed, string Encoding, IReadOnlyList<string> Problems)
{
    public bool Succeeded => Feed is not null;
}
