namespace LiveNews.Feeds.Parsing;

/// <summary>A document that is not a feed LiveNews can read, with the reason.</summary>
public sealed class FeedParseException : Exception
{
    public FeedParseException()
    {
    }

    public FeedParseException(string message)
        : base(message)
    {
    }

    public FeedParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
