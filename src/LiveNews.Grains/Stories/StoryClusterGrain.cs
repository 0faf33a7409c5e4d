using System.Diagnostics;
using LiveNews.Grains.Telemetry;
using LiveNews.Abstractions;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Stories;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace LiveNews.Grains.Stories;

/// <summary>
/// One story. Applies each incoming version with the engine's <see cref="LiveNews.Stories.Engine.StoryState"/>,
/// persists the story together with the new event (an outbox), then publishes the event on the
/// "stories" stream and tells the catalog. Events whose publication did not complete are published first
/// on the next call or activation. Placed at random: a story is usually created from a stateless router
/// on the silo that took the article, and the default (resource-optimised) placement would keep most
/// stories on the silos that take the most articles instead of spreading them over the cluster.
/// </summary>
[Orleans.Placement.RandomPlacement]
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

    private bool _outboxChanged;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PublishUnpublishedAsync();
        }
        catch (Exception ex) when (ex is OrleansException or TimeoutException or InvalidOperationException)
        {
            // The stream is not reachable now: the outbox stays and goes first on the next write.
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_outboxChanged && _state.State.Unpublished.Count == 0 && reason.ReasonCode != DeactivationReasonCode.ShuttingDown)
        {
            // Record that everything was published, so the next activation publishes nothing again.
            await _state.WriteStateAsync(cancellationToken);
        }
    }

    public async Task<StoryEvent> AddVersionAsync(Immutable<AnalysedArticle> article, DateTimeOffset? receivedAt)
    {
        await PublishUnpublishedAsync();
        var story = _state.State.Story;
        if (string.IsNullOrEmpty(story.Id))
        {
            story.Id = this.GetPrimaryKeyString();
        }

        using var activity = LiveNewsTelemetry.Source.StartActivity("story.event");
        var now = _time.GetUtcNow();
        var update = story.Apply(article.Value, now, _options);

        var evt = StoryEventMapper.ToEvent(story, update, article.Value.Id, now, receivedAt) with { TraceParent = Activity.Current?.Id };
        _state.State.Unpublished.Add(evt);
        await _state.WriteStateAsync();
        activity?.SetTag("livenews.story.id", evt.StoryId);
        activity?.SetTag("livenews.event.type", evt.Type.ToString());
        activity?.SetTag("livenews.article.id", evt.ArticleId);
        await PublishUnpublishedAsync();
        Record(evt, now);
        return evt;
    }

    public async Task<StoryEvent> AbsorbAsync(string[] storyIds)
    {
        await PublishUnpublishedAsync();
        var story = _state.State.Story;
        var now = _time.GetUtcNow();
        var absorbed = new List<string>(storyIds.Length);
        foreach (var id in storyIds.Where(id => id != this.GetPrimaryKeyString()))
        {
            var other = await GrainFactory.GetGrain<IStoryClusterWriterGrain>(id).HandOverAsync(this.GetPrimaryKeyString());
            if (other.Exists)
            {
                story.Absorb(other, now, _options);
                absorbed.Add(id);
            }
        }

        var evt = new StoryEvent
        {
            Type = StoryEventType.StoriesMerged,
            StoryId = story.Id,
            Sequence = story.NextSequence(),
            Headline = story.Headline,
            Sources = [.. story.Sources],
            Absorbed = [.. absorbed],
            At = now,
        };
        _state.State.Unpublished.Add(evt with { TraceParent = Activity.Current?.Id });
        await _state.WriteStateAsync();
        await PublishUnpublishedAsync();
        Record(evt, now);
        return evt;
    }

    private static void Record(StoryEvent evt, DateTimeOffset now)
    {
        var type = new KeyValuePair<string, object?>("type", evt.Type.ToString());
        switch (evt.Type)
        {
            case StoryEventType.StoryCreated:
                LiveNewsTelemetry.StoriesOpened.Add(1);
                break;
            case StoryEventType.StoryUpdated:
                LiveNewsTelemetry.StoriesUpdated.Add(1);
                break;
            case StoryEventType.StoriesMerged:
                LiveNewsTelemetry.StoriesMerged.Add(1);
                return;
        }

        LiveNewsTelemetry.ArticleVersionsIngested.Add(1, type);
        if (evt.NewFacts.Length > 0)
        {
            LiveNewsTelemetry.NewFacts.Add(evt.NewFacts.Length);
        }

        if (evt.ReceivedAt is { } received)
        {
            LiveNewsTelemetry.PollToEventLatency.Record(Math.Max(0, (now - received).TotalMilliseconds), type);
        }
    }

    public async Task<StoryState> HandOverAsync(string survivorId)
    {
        var story = _state.State.Story;
        if (story.MergedInto is not null)
        {
            // Already handed over: nothing more to give.
            return new StoryState { Id = story.Id };
        }

        if (story.Exists)
        {
            story.MergedInto = survivorId;
            story.UpdatedAt = _time.GetUtcNow();
            await _state.WriteStateAsync();
            await GrainFactory.GetGrain<IStoryCatalogGrain>(0).UpsertAsync(StoryEventMapper.ToSummary(story));
        }

        // Orleans copies the returned state (the engine's types have a JSON copier), so the survivor never
        // shares this grain's objects.
        return story;
    }

    /// <summary>Publishes the outbox in order; an event leaves it only once the stream has taken it.</summary>
    private async Task PublishUnpublishedAsync()
    {
        var outbox = _state.State.Unpublished;
        if (outbox.Count == 0)
        {
            return;
        }

        var stream = this.GetStreamProvider(StreamNames.Provider)
            .GetStream<StoryEvent>(StreamId.Create(StreamNames.StoriesNamespace, StreamNames.AllStoriesKey));
        while (outbox.Count > 0)
        {
            await stream.OnNextAsync(outbox[0]);
            outbox.RemoveAt(0);
            _outboxChanged = true;
        }

        if (_state.State.Story.Exists)
        {
            await GrainFactory.GetGrain<IStoryCatalogGrain>(0).UpsertAsync(StoryEventMapper.ToSummary(_state.State.Story));
        }
    }

    public Task<StorySnapshot?> GetSnapshotAsync()
    {
        var story = _state.State.Story;
        return Task.FromResult(story.Exists ? StoryEventMapper.ToSnapshot(story) : null);
    }
}
