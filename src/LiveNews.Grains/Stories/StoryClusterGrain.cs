using System.Diagnostics;
using LiveNews.Grains.Telemetry;
using LiveNews.Abstractions;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Stories;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;

namespace LiveNews.Grains.Stories;

/// <summary>
/// One story. Applies each incoming version with the engine's <see cref="LiveNews.Stories.Engine.StoryState"/>,
/// persists the story together with the new event (an outbox), then publishes the event on the
/// "stories" stream and tells the catalog. Events whose publication did not complete are published first
/// on the next call or activation. A story that took no call for <see cref="StoryGrainOptions.StoryStateHoldTime"/>
/// lets go of its state (it is in storage) and reads it back on its next call, so a node's quiet stories
/// cost their stored bytes, not their objects, long before Orleans collects their grains. Placed at random: a story is usually created from a stateless router
/// on the silo that took the article, and the default (resource-optimised) placement would keep most
/// stories on the silos that take the most articles instead of spreading them over the cluster.
/// </summary>
[Orleans.Placement.RandomPlacement]
public sealed partial class StoryClusterGrain : Grain, IStoryClusterGrain, IStoryClusterWriterGrain
{
    private readonly IPersistentState<StoryClusterGrainState> _state;
    private readonly StoryEngineOptions _options;
    private readonly TimeProvider _time;
    private readonly StoryStateHold _hold;
    private readonly ILogger<StoryClusterGrain> _logger;

    public StoryClusterGrain(
        [PersistentState("story", Hosting.LiveNewsGrainsHosting.StorageName)] IPersistentState<StoryClusterGrainState> state,
        IOptions<StoryEngineOptions> options,
        IOptions<StoryGrainOptions> grainOptions,
        TimeProvider time,
        ILogger<StoryClusterGrain> logger)
    {
        _logger = logger;
        _state = state;
        _options = options.Value;
        _time = time;
        _hold = new StoryStateHold(time, grainOptions.Value.StoryStateHoldTime);
    }

    /// <summary>Events left the outbox since the state was last written (the stored copy still lists them).</summary>
    private bool _outboxChanged;

    /// <summary>The state was let go: <see cref="_state"/> holds an empty placeholder until it is read again.</summary>
    private bool _released;

    /// <summary>Lets go of the state once the story has been quiet for the hold time; stopped while released.</summary>
    private IGrainTimer? _releaseTimer;

    /// <summary>The highest sequence this activation published.</summary>
    private long _publishedThrough;

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
        // A story let go of its state recorded its emptied outbox then: leaving memory costs it nothing.
        if (_outboxChanged && !_released && reason.ReasonCode != DeactivationReasonCode.ShuttingDown && _state.State.Unpublished.Count == 0)
        {
            // Record that everything was published, so the next activation publishes nothing again.
            await WriteStateAsync(cancellationToken);
        }

        LogLeftMemory(_logger, this.GetPrimaryKeyString());
    }

    /// <summary>Writes the story and its outbox as they are now.</summary>
    private async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        await _state.WriteStateAsync(cancellationToken);
        _outboxChanged = false;
    }

    /// <summary>
    /// The story's state, read back from storage first if it was let go, and its hold started again.
    /// Every method goes through here before it looks at the state.
    /// </summary>
    private async ValueTask<StoryClusterGrainState> UseStateAsync()
    {
        var reloaded = _released;
        if (reloaded)
        {
            await _state.ReadStateAsync();
            _released = false;
            DropPublished();
            LiveNewsTelemetry.StoryStatesReloaded.Add(1);
            LogStateReloaded(_logger, this.GetPrimaryKeyString());
        }

        _hold.Touch();
        if (_hold.HoldsForever)
        {
            return _state.State;
        }

        // The timer runs from the first use and stops at a release, so it is started again after a reload.
        if (_releaseTimer is null)
        {
            _releaseTimer = this.RegisterGrainTimer(ReleaseWhenQuietAsync, new GrainTimerCreationOptions(_hold.HoldTime, Timeout.InfiniteTimeSpan) { KeepAlive = false });
        }
        else if (reloaded)
        {
            _releaseTimer.Change(_hold.HoldTime, Timeout.InfiniteTimeSpan);
        }

        return _state.State;
    }

    /// <summary>
    /// Drops from a state just read the outbox events this activation has already published (the release
    /// writes the emptied outbox, so the stored copy lists none unless that write was lost). Sequences grow
    /// within a story and the outbox goes out in order.
    /// </summary>
    private void DropPublished()
    {
        if (_state.State.Unpublished.RemoveAll(e => e.Sequence <= _publishedThrough) > 0)
        {
            _outboxChanged = true;
        }
    }

    /// <summary>
    /// The release timer's turn (it does not interleave with calls): if the story was used since, waits out
    /// the rest of the hold; otherwise publishes what the outbox still holds, writes the emptied outbox (the
    /// stored copy still lists the events published since the last write) and lets go of the state. Leaving
    /// memory later then has nothing to write: a mass deactivation (idle collection after a burst) used to
    /// read back and write every story let go, and cancelled many of those writes, whose events the next
    /// activation published again. A failed publication or write leaves the state held, to be tried again.
    /// </summary>
    private async Task ReleaseWhenQuietAsync(CancellationToken cancellationToken)
    {
        var left = _hold.TimeLeft();
        if (left > TimeSpan.Zero)
        {
            _releaseTimer!.Change(left, Timeout.InfiniteTimeSpan);
            return;
        }

        // Armed again first: if the publication throws, the state stays and the next turn tries again.
        _releaseTimer!.Change(_hold.HoldTime, Timeout.InfiniteTimeSpan);
        await PublishUnpublishedAsync();
        if (_outboxChanged)
        {
            await WriteStateAsync(cancellationToken);
        }

        _state.State = new StoryClusterGrainState();
        _released = true;
        _releaseTimer.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        LiveNewsTelemetry.StoryStatesReleased.Add(1);
        LogStateReleased(_logger, this.GetPrimaryKeyString());
    }

    public async Task<StoryEvent> AddVersionAsync(Immutable<AnalysedArticle> article, DateTimeOffset? receivedAt)
    {
        await UseStateAsync();
        await PublishUnpublishedAsync();
        var story = _state.State.Story;
        if (story.MergedInto is { } survivor)
        {
            // Folded into another story: a version still sent here (by an index shard restored from a snapshot
            // older than the merge, which its journal does not hold) belongs to the survivor. Nothing calls this
            // grain back from there but a second absorb of it, which answers from its state at once.
            return await GrainFactory.GetGrain<IStoryClusterWriterGrain>(survivor).AddVersionAsync(article, receivedAt);
        }

        if (string.IsNullOrEmpty(story.Id))
        {
            story.Id = this.GetPrimaryKeyString();
        }

        using var activity = LiveNewsTelemetry.Source.StartActivity("story.event");
        var now = _time.GetUtcNow();
        var update = story.Apply(article.Value, now, _options);

        var evt = StoryEventMapper.ToEvent(story, update, article.Value.Id, now, receivedAt) with { TraceParent = Activity.Current?.Id };
        _state.State.Unpublished.Add(evt);
        await WriteStateAsync();
        activity?.SetTag("livenews.story.id", evt.StoryId);
        activity?.SetTag("livenews.event.type", evt.Type.ToString());
        activity?.SetTag("livenews.article.id", evt.ArticleId);
        await PublishUnpublishedAsync();
        Record(evt, now);
        return evt;
    }

    public async Task<StoryEvent> AbsorbAsync(string[] storyIds)
    {
        await UseStateAsync();
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
        await WriteStateAsync();
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
        var story = (await UseStateAsync()).Story;
        if (story.MergedInto is not null)
        {
            // Already handed over: nothing more to give.
            return new StoryState { Id = story.Id };
        }

        if (story.Exists)
        {
            story.MergedInto = survivorId;
            story.UpdatedAt = _time.GetUtcNow();
            await WriteStateAsync();
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
            _publishedThrough = Math.Max(_publishedThrough, outbox[0].Sequence);
            outbox.RemoveAt(0);
            _outboxChanged = true;
        }

        if (_state.State.Story.Exists)
        {
            await GrainFactory.GetGrain<IStoryCatalogGrain>(0).UpsertAsync(StoryEventMapper.ToSummary(_state.State.Story));
        }
    }

    public async Task WarmUpStreamAsync(int streams)
    {
        var provider = this.GetStreamProvider(StreamNames.Provider);
        for (var k = 0; k < streams; k++)
        {
            var stream = provider.GetStream<StoryEvent>(StreamId.Create(StreamNames.WarmupNamespace, $"{this.GetPrimaryKeyString()}-{k}"));
            await stream.OnNextAsync(new StoryEvent { Type = StoryEventType.Duplicate, StoryId = this.GetPrimaryKeyString(), At = _time.GetUtcNow() });
        }
    }

    public async Task<StorySnapshot?> GetSnapshotAsync()
    {
        var story = (await UseStateAsync()).Story;
        return story.Exists ? StoryEventMapper.ToSnapshot(story) : null;
    }

    [LoggerMessage(EventId = 24, Level = LogLevel.Debug, Message = "Story {StoryId} was quiet: let go of its state")]
    private static partial void LogStateReleased(ILogger logger, string storyId);

    [LoggerMessage(EventId = 25, Level = LogLevel.Debug, Message = "Story {StoryId} read its state back")]
    private static partial void LogStateReloaded(ILogger logger, string storyId);

    [LoggerMessage(EventId = 26, Level = LogLevel.Debug, Message = "Story {StoryId} left memory")]
    private static partial void LogLeftMemory(ILogger logger, string storyId);
}
