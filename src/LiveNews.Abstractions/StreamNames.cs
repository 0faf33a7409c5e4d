namespace LiveNews.Abstractions;

/// <summary>Names of the Orleans streams LiveNews publishes on.</summary>
public static class StreamNames
{
    /// <summary>The stream provider name.</summary>
    public const string Provider = "stories";

    /// <summary>The namespace of the story events stream.</summary>
    public const string StoriesNamespace = "stories";

    /// <summary>The key of the one stream that carries every story event.</summary>
    public const string AllStoriesKey = "all";

    /// <summary>
    /// The namespace of the warm-up streams: a node publishes a few events there before it takes
    /// articles, so that its first story events do not wait for the stream's queues to wake. Nothing
    /// subscribes to it (the webhook dispatchers' implicit subscription is to <see cref="StoriesNamespace"/>).
    /// </summary>
    public const string WarmupNamespace = "warmup";
}
