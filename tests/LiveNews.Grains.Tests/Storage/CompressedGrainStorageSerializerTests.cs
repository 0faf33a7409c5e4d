using LiveNews.Grains.Storage;
using LiveNews.Grains.Stories;
using LiveNews.Stories.Engine;
using LiveNews.Stories.Tests;
using Orleans.Storage;

namespace LiveNews.Grains.Tests.Storage;

public class CompressedGrainStorageSerializerTests
{
    [Fact]
    public void Serialize_ThenDeserialize_GivesTheStateBack_Smaller()
    {
        var inner = new JsonLikeSerializer();
        var serializer = new CompressedGrainStorageSerializer(inner);
        var engine = new StoryEngine();
        foreach (var seed in CorpusReader.Seeds())
        {
            engine.Process(seed);
        }

        var story = engine.GetStory(engine.Resolve(LiveNews.Stories.Engine.StoryIds.ForOpeningArticle("004")))
            ?? throw new InvalidOperationException("the seed story was not opened");
        var state = new StoryClusterGrainState { Story = story };

        var stored = serializer.Serialize(state);
        var back = serializer.Deserialize<StoryClusterGrainState>(stored)!;

        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(state.Story), System.Text.Json.JsonSerializer.Serialize(back.Story));
        Assert.True(stored.ToMemory().Length * 3 < inner.Serialize(state).ToMemory().Length, "compressed state is at least three times smaller");
    }

    [Fact]
    public void Deserialize_ReadsStateWrittenBeforeCompression()
    {
        var inner = new JsonLikeSerializer();
        var old = inner.Serialize(new StoryClusterGrainState { Story = new StoryState { Id = "s-old", Headline = "Written uncompressed" } });

        var back = new CompressedGrainStorageSerializer(inner).Deserialize<StoryClusterGrainState>(old)!;

        Assert.Equal("Written uncompressed", back.Story.Headline);
    }

    [Fact]
    public void Deserialize_RefusesACorruptRecord_WithAClearError()
    {
        var corrupt = new BinaryData([.. "LNz1"u8.ToArray(), .. Enumerable.Repeat((byte)0xFF, 32)]);

        Assert.Throws<InvalidDataException>(() => new CompressedGrainStorageSerializer(new JsonLikeSerializer()).Deserialize<StoryClusterGrainState>(corrupt));
    }

    /// <summary>Stands for the default storage serializer: the state as JSON.</summary>
    private sealed class JsonLikeSerializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input);

        public T? Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>();
    }
}
