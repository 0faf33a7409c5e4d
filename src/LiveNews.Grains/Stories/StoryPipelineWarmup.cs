using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Grains.Storage;
using LiveNews.Stories;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;
using Orleans.Serialization;

namespace LiveNews.Grains.Stories;

/// <summary>
/// Makes a node ready to answer quickly before it takes articles: runs the story engine over a small
/// sample in a throwaway engine (so its code is compiled; nothing enters the cluster), makes the
/// serializer's codecs for what crosses grains, storage and the stream, wakes a story grain and the
/// catalog with calls that change nothing, publishes on warm-up streams nothing reads (waking the
/// stream's queues), and activates every index shard (so the first article does
/// not wait for shards to load their snapshots). Without it the first article of a fresh process took
/// about 320 ms, and the versions queued behind it came out late.
/// </summary>
public static class StoryPipelineWarmup
{
    /// <summary>Versions the throwaway engine processes (the sample again and again).</summary>
    public const int WarmupVersions = 300;

    /// <summary>Warm-up streams published on: enough to reach every queue of the stream provider (2 embedded, 4 Redis) with near certainty.</summary>
    public const int WarmupStreams = 16;

    /// <summary>The id of the story grain the warm-up wakes: never a story's (those are "s" and hex digits).</summary>
    public const string WarmupStoryId = "warmup";

    /// <param name="grains">The cluster.</param>
    /// <param name="options">Engine options.</param>
    /// <param name="sample">Article versions to warm the engine on (the bundled demo story).</param>
    /// <param name="time">The clock.</param>
    /// <param name="serializer">
    /// Orleans' serializer, to make its codecs for the story state, events and articles before the first
    /// article needs them (they are made on first use: about half of a cold node's first 130 ms).
    /// </param>
    public static async Task WarmUpAsync(IGrainFactory grains, StoryEngineOptions options, IEnumerable<ArticleVersion> sample, TimeProvider time, Serializer serializer)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(sample);
        ArgumentNullException.ThrowIfNull(serializer);
        // The sample is told again under other ids until the engine has seen enough versions for the
        // runtime to compile its hot code fully (tiered compilation counts calls): a handful left the
        // first second of traffic on slow code.
        var articles = sample.ToList();
        var engine = new StoryEngine(options, time);
        var inputs = articles.Select(ArticleInputMapper.ToInput).ToList();
        for (var round = 0; inputs.Count > 0 && round * inputs.Count < WarmupVersions; round++)
        {
            foreach (var input in inputs)
            {
                engine.Process(input with { Id = $"{input.Id}~warmup{round}" });
            }
        }

        // A sample gives a story (none when the sample is empty).
        if (engine.HeldStoryIds.FirstOrDefault() is { } storyId)
        {
            void RoundTrip<T>(T value) => serializer.Deserialize<T>(serializer.SerializeToArray(value));
            var state = new StoryClusterGrainState
            {
                Story = engine.GetStory(storyId)!,
                Unpublished = [new StoryEvent { Type = StoryEventType.StoryCreated, StoryId = storyId, At = time.GetUtcNow() }],
            };
            var stored = serializer.SerializeToArray(state);
            serializer.Deserialize<StoryClusterGrainState>(stored);

            // Stored state is compressed: the first story's write would otherwise set up Brotli and compile
            // its path while the versions behind it wait.
            BrotliBytes.Decompress(BrotliBytes.Compress(stored), CompressedGrainStorageSerializer.MaxStateBytes);
            RoundTrip(articles[0]);
            RoundTrip(new Immutable<AnalysedArticle>(engine.Analyzer.Analyze(inputs[0])));
        }

        // Grains of each kind an article goes through, woken by calls that change nothing.
        await grains.GetGrain<IStoryClusterGrain>(WarmupStoryId).GetSnapshotAsync();

        // The stream's queues and the publishing path: the first story events waited 15 to 55 ms for them.
        await grains.GetGrain<IStoryClusterWriterGrain>(WarmupStoryId).WarmUpStreamAsync(WarmupStreams);
        await grains.GetGrain<IStoryCatalogGrain>(0).CountAsync();
        await WakeIndexAsync(grains, options);
    }

    /// <summary>Activates every index shard (loading its snapshot), so the next article does not wait for that.</summary>
    public static Task WakeIndexAsync(IGrainFactory grains, StoryEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(options);
        return Task.WhenAll(Enumerable.Range(0, ShardedStoryIndex.ShardCount(options)).Select(s => grains.GetGrain<IStoryIndexGrain>(s).CountAsync()));
    }
}
