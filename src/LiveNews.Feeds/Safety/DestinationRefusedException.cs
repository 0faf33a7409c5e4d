namespace LiveNews.Feeds.Safety;

/// <summary>A connection to a loopback, private or otherwise non-public address was refused.</summary>
public sealed class DestinationRefusedException : IOException
{
    public DestinationRefusedException()
    {
    }

    public DestinationRefusedException(string message)
        : base(message)
    {
    }

    public DestinationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
