using LiveNews.Abstractions;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Stories;
using LiveNews.Stories.Analysis;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace LiveNews.Grains.Stories;

/// <summary>
/// One story. Applies each incoming version with the engine's <see cref="LiveNews.Stories.Engine.StoryState"/>,
/// persists, then publishes the event on the "stories" stream and tells the catalog.
/// </summary>
public sealed class StoryClusterGrain : Grain, IStoryClusterGrain, IStoryClusterWriterGrain
{
    private readonly IPersistentState<StoryClusterGrainState> _state;
    private readonly StoryEngineOptions _options;
    private readonly TimeProvider _time;

    public StoryClusterGrain(
        [PersistentState("story", Hosting.LiveNewsGrainsHosting.StorageName)] IPersistentState<StoryClusterGrainState> state,
        IOptions<StoryEngineOptions> options,
        TimeProvider time)
    {
        _state = state;
        _options = options.Value;
        _time = time;
    }

    public async Task<StoryEvent> AddVersionAsync(Immutable<AnalysedArticle> article, DateTimeOffset? receivedAt)
    {
        var story = _state.State.Story;
        if (string.IsNullOrEmpty(story.Id))
        {
            story.Id = this.GetPrimaryKeyString();
        }

        var now = _time.GetUtcNow();
        var update = story.Apply(article.Value, now, _options);
        await _state.WriteStateAsync();

        var evt = StoryEventMapper.ToEvent(story, update, article.Value.Id, now, receivedAt);
        var stream = this.GetStreamProvider(StreamNames.Provider)
            .GetStream<StoryEvent>(StreamId.Create(StreamNames.StoriesNamespace, StreamNames.AllStoriesKey));
        await stream.OnNextAsync(evt);
        await GrainFactory.GetGrain<IStoryCatalogGrain>(0).UpsertAsync(StoryEventMapper.ToSummary(story));
        return evt;
    }

    public Task<StorySnapshot?> GetSnapshotAsync()
    {
        var story = _state.State.Story;
        return Task.FromResult(story.Exists ? StoryEventMapper.ToSnapshot(story) : null);
    }
}
