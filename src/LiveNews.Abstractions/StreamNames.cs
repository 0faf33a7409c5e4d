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
}
