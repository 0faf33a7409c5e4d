using LiveNews.Grains.Hosting;
using LiveNews.Grains.Storage;
using LiveNews.Grains.Stories;
using LiveNews.Stories.Engine;
using LiveNews.Stories.Tests;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
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

    private static Serializer Binary() =>
        new ServiceCollection().AddSerializer(s => s.AddLiveNewsSerialization()).BuildServiceProvider().GetRequiredService<Serializer>();

    private static StoryClusterGrainState SeedStory()
    {
        var engine = new StoryEngine();
        foreach (var seed in CorpusReader.Seeds())
        {
            engine.Process(seed);
        }

        return new StoryClusterGrainState { Story = engine.GetStory(engine.Resolve(LiveNews.Stories.Engine.StoryIds.ForOpeningArticle("004")))! };
    }

    [Fact]
    public void Serialize_WithOrleansBinary_GivesTheStateBack()
    {
        var inner = new JsonLikeSerializer();
        var serializer = new CompressedGrainStorageSerializer(inner, Binary());
        var state = SeedStory();

        var stored = serializer.Serialize(state);
        var back = serializer.Deserialize<StoryClusterGrainState>(stored)!;

        Assert.Equal("LNz2"u8.ToArray(), stored.ToMemory()[..4].ToArray());
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(state.Story), System.Text.Json.JsonSerializer.Serialize(back.Story));
        Assert.Equal(state.Story.TopEntityNames(20), back.Story.TopEntityNames(20));
        // About as small as compressed plain JSON (the engine's types are JSON inside the binary form).
        Assert.True(stored.ToMemory().Length <= new CompressedGrainStorageSerializer(inner).Serialize(state).ToMemory().Length * 1.05);
    }

    [Fact]
    public void Deserialize_WithOrleansBinary_StillReadsEarlierRecords()
    {
        var inner = new JsonLikeSerializer();
        var state = SeedStory();
        var compressedJson = new CompressedGrainStorageSerializer(inner).Serialize(state);
        var plainJson = inner.Serialize(state);
        var serializer = new CompressedGrainStorageSerializer(inner, Binary());

        Assert.Equal(state.Story.Headline, serializer.Deserialize<StoryClusterGrainState>(compressedJson)!.Story.Headline);
        Assert.Equal(state.Story.Headline, serializer.Deserialize<StoryClusterGrainState>(plainJson)!.Story.Headline);
    }

    [Fact]
    public void Serialize_LargeState_IsStoredUncompressed_AndReadBack()
    {
        var serializer = new CompressedGrainStorageSerializer(new JsonLikeSerializer(), Binary());
        var large = new StoryCatalogGrainState { Packed = [.. Enumerable.Range(0, CompressedGrainStorageSerializer.MaxCompressedInput + 10).Select(i => (byte)i)] };

        var stored = serializer.Serialize(large);

        Assert.Equal("LNb2"u8.ToArray(), stored.ToMemory()[..4].ToArray());
        Assert.Equal(large.Packed, serializer.Deserialize<StoryCatalogGrainState>(stored)!.Packed);
    }

    [Fact]
    public void Deserialize_CorruptBinaryRecord_IsAClearError()
    {
        var serializer = new CompressedGrainStorageSerializer(new JsonLikeSerializer(), Binary());
        var corrupt = new BinaryData([.. "LNb2"u8.ToArray(), .. Enumerable.Repeat((byte)0xFF, 32)]);
        var compressed = new BinaryData([.. "LNz2"u8.ToArray(), .. Enumerable.Repeat((byte)0x07, 32)]);

        Assert.Throws<InvalidDataException>(() => serializer.Deserialize<StoryClusterGrainState>(corrupt));
        Assert.Throws<InvalidDataException>(() => serializer.Deserialize<StoryClusterGrainState>(compressed));
        Assert.Throws<InvalidDataException>(() => new CompressedGrainStorageSerializer(new JsonLikeSerializer()).Deserialize<StoryClusterGrainState>(corrupt));
    }

    /// <summary>Stands for the default storage serializer: the state as JSON.</summary>
    private sealed class JsonLikeSerializer : IGrainStorageSerializer
    {
        public BinaryData Serialize<T>(T? input) => BinaryData.FromObjectAsJson(input);

        public T? Deserialize<T>(BinaryData input) => input.ToObjectFromJson<T>();
    }
}
