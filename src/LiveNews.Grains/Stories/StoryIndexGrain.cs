using LiveNews.Grains.Hosting;
using LiveNews.Stories;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;
using LiveNews.Stories.Matching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace LiveNews.Grains.Stories;

/// <summary>
/// Hosts the <see cref="StoryMatcher"/>; thin: the matching itself lives in LiveNews.Stories. What the
/// matcher has learned is persisted as a snapshot a few seconds after it changes and when the grain
/// deactivates, so a reactivation (idle collection, restart, failover) carries on with the same stories.
/// Articles assigned in the last few seconds before a crash are missing from the restored index; one of
/// them delivered again still lands in its story, whose grain recognises it (the story id of a new story
/// is derived from its opening article).
/// </summary>
public sealed class StoryIndexGrain : Grain, IStoryIndexGrain
{
    /// <summary>How long a change may wait before the snapshot is written.</summary>
    internal static readonly TimeSpan SaveDelay = TimeSpan.FromSeconds(3);

    private readonly IPersistentState<StoryIndexState> _state;
    private readonly StoryEngineOptions _options;
    private StoryMatcher _matcher;
    private bool _dirty;
    private IGrainTimer? _saveTimer;

    public StoryIndexGrain(
        [PersistentState("index", LiveNewsGrainsHosting.StorageName)] IPersistentState<StoryIndexState> state,
        IOptions<StoryEngineOptions> options)
    {
        _state = state;
        _options = options.Value;
        _matcher = new StoryMatcher(_options);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_state.State.Snapshot is { } snapshot)
        {
            _matcher = StoryMatcher.FromSnapshot(snapshot, _options);
        }

        _saveTimer = this.RegisterGrainTimer(_ => SaveIfChangedAsync(), new GrainTimerCreationOptions(SaveDelay, SaveDelay) { Interleave = false, KeepAlive = false });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _saveTimer?.Dispose();

        // In-memory storage goes down with the silo: nothing to save for then.
        if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown
            && ServiceProvider.GetKeyedService<IGrainStorage>(LiveNewsGrainsHosting.StorageName) is MemoryGrainStorage)
        {
            return;
        }

        await SaveIfChangedAsync();
    }

    public Task<IndexDecision> AssignAsync(Immutable<AnalysedArticle> article, string[] exclude)
    {
        var value = article.Value;
        var decision = _matcher.Decide(value, StoryIds.ForOpeningArticle(value.Id), exclude);
        _dirty = true;
        return Task.FromResult(new IndexDecision
        {
            StoryId = decision.StoryId,
            Score = decision.Score,
            Opens = decision.Opens,
            Candidates = decision.Candidates,
            Absorbed = [.. decision.Absorbed],
        });
    }

    public Task<int> CountAsync() => Task.FromResult(_matcher.StoryCount);

    public Task SaveAsync() => SaveIfChangedAsync();

    private async Task SaveIfChangedAsync()
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        _state.State.Snapshot = _matcher.ToSnapshot();
        await _state.WriteStateAsync();
    }
}

/// <summary>The persisted index: the matcher's snapshot (carried by the engine-type JSON codec).</summary>
[GenerateSerializer, Alias("LiveNews.StoryIndexState")]
public sealed class StoryIndexState
{
    [Id(0)] public StoryMatcherSnapshot? Snapshot { get; set; }
}
