using System.Text.Json.Serialization;

namespace LiveNews.Abstractions.Contracts;

/// <summary>What a <see cref="StoryEvent"/> says happened.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StoryEventType>))]
[GenerateSerializer, Alias("LiveNews.StoryEventType")]
public enum StoryEventType
{
    /// <summary>The article version opened a new story.</summary>
    StoryCreated = 0,

    /// <summary>The article version joined a story and brought new facts.</summary>
    StoryUpdated = 1,

    /// <summary>The article version joined a story and brought nothing new.</summary>
    VersionAttached = 2,

    /// <summary>The same article version had been seen before.</summary>
    Duplicate = 3,

    /// <summary>Two or more stories turned out to be one; the older id survives.</summary>
    StoriesMerged = 4,

    /// <summary>An input could not be read.</summary>
    Rejected = 5,
}
