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
/// One shard of the term index: hosts a <see cref="StoryMatcher"/> holding the stories whose id hashes to
/// this shard; thin: the matching itself lives in LiveNews.Stories. What the matcher has learned is persisted as a snapshot a few seconds after it changes and when the grain
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

    public Task<ShardProposal> ProposeAsync(Immutable<AnalysedArticle> article, string[] exclude)
    {
        var match = _matcher.Propose(article.Value, exclude);
        _dirty = true;
        return Task.FromResult(ToProposal(match));
    }

    public Task<ShardCommit> CommitAsync(Immutable<AnalysedArticle> article, string storyId, bool opens, long ordinal)
    {
        var mergedInto = _matcher.Commit(article.Value, storyId, opens, ordinal);
        _dirty = true;
        return Task.FromResult(new ShardCommit { MergedInto = mergedInto, Opened = _matcher.Opened });
    }

    public Task<ShardProposal> ScoreAsync(Immutable<AnalysedArticle> article, string[] storyIds, string[] exclude)
    {
        var (storyId, score) = _matcher.ScoreAgainst(article.Value, storyIds, exclude);
        return Task.FromResult(new ShardProposal { StoryId = storyId, Score = score, Candidates = storyIds.Length, Opened = _matcher.Opened });
    }

    public Task<Immutable<StoryProfile[]>> GetProfilesAsync(string[] storyIds) =>
        Task.FromResult(storyIds.Select(_matcher.GetProfile).OfType<StoryProfile>().ToArray().AsImmutable());

    public Task<Immutable<StoryProfile?>> DetachAsync(string storyId, string survivor)
    {
        var profile = _matcher.Detach(storyId, survivor);
        _dirty |= profile is not null;
        return Task.FromResult(new Immutable<StoryProfile?>(profile));
    }

    public Task AbsorbAsync(string survivor, Immutable<StoryProfile> absorbed)
    {
        _matcher.Absorb(survivor, absorbed.Value);
        _dirty = true;
        return Task.CompletedTask;
    }

    private ShardProposal ToProposal(StoryMatch match) => new()
    {
        StoryId = match.StoryId,
        Score = match.Score,
        Known = match.Known,
        Candidates = match.Candidates,
        RunnersUp = [.. match.RunnersUp],
        RunnerUpScores = [.. match.RunnerUpScores],
        Opened = _matcher.Opened,
    };

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
