using System.Text.Json;
using LiveNews.Grains.Hosting;
using LiveNews.Grains.Storage;
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
/// this shard; thin: the matching itself lives in LiveNews.Stories. What the matcher has learned is
/// persisted as a snapshot a few seconds after it changes and when the grain deactivates, so a
/// reactivation (idle collection, restart, failover) carries on with the same stories. Articles assigned
/// in the last few seconds before a crash are missing from the restored shard; one of
/// them delivered again still lands in its story, whose grain recognises it (the story id of a new story
/// is derived from its opening article).
/// </summary>
public sealed class StoryIndexGrain : Grain, IStoryIndexGrain
{
    /// <summary>
    /// How long a change may wait before the snapshot is written (or longer: saves keep to a twentieth of the
    /// shard's time). Assignments made since the last snapshot are what a failover loses; binary snapshots
    /// made this short enough to afford.
    /// </summary>
    internal static readonly TimeSpan SaveDelay = TimeSpan.FromSeconds(1);

    private readonly IPersistentState<StoryIndexState> _state;
    private readonly StoryEngineOptions _options;
    private readonly TimeProvider _time;
    private StoryMatcher _matcher;
    private bool _dirty;
    private IGrainTimer? _saveTimer;
    private Task _saving = Task.CompletedTask;
    private long _lastSaveEnded;
    private TimeSpan _lastSaveCost;

    public StoryIndexGrain(
        [PersistentState("index", LiveNewsGrainsHosting.StorageName)] IPersistentState<StoryIndexState> state,
        IOptions<StoryEngineOptions> options,
        TimeProvider time)
    {
        _state = state;
        _options = options.Value;
        _time = time;
        _matcher = new StoryMatcher(_options);
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_state.State.SnapshotBinary is { Length: > 0 } packed)
        {
            _matcher = StoryMatcher.FromSnapshot(StoryMatcherBinary.Read(BrotliBytes.Decompress(packed, CompressedGrainStorageSerializer.MaxStateBytes)), _options);
        }
        else if (_state.State.SnapshotBrotli is { Length: > 0 } compressed)
        {
            var json = BrotliBytes.Decompress(compressed, CompressedGrainStorageSerializer.MaxStateBytes);
            _matcher = StoryMatcher.FromSnapshot(JsonSerializer.Deserialize<StoryMatcherSnapshot>(json.Span, SnapshotJson)!, _options);
        }
        else if (_state.State.SnapshotJson is { Length: > 0 } json)
        {
            _matcher = StoryMatcher.FromSnapshot(JsonSerializer.Deserialize<StoryMatcherSnapshot>(json, SnapshotJson)!, _options);
        }
        else if (_state.State.Snapshot is { } snapshot)
        {
            _matcher = StoryMatcher.FromSnapshot(snapshot, _options);
        }

        ForgetStoredSnapshot();

        // The timer interleaves: while a snapshot is serialised and written, proposals and commits go on.
        _saveTimer = this.RegisterGrainTimer(_ => SaveIfChangedAsync(force: false), new GrainTimerCreationOptions(SaveDelay, SaveDelay) { Interleave = true, KeepAlive = false });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _saveTimer?.Dispose();
        await SettleAsync();

        // In-memory storage goes down with the silo: nothing to save for then.
        if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown
            && ServiceProvider.GetKeyedService<IGrainStorage>(LiveNewsGrainsHosting.StorageName) is MemoryGrainStorage)
        {
            return;
        }

        await SaveIfChangedAsync(force: true);
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
        KnownByPage = match.KnownByPage,
        Candidates = match.Candidates,
        RunnersUp = [.. match.RunnersUp],
        RunnerUpScores = [.. match.RunnerUpScores],
        Opened = _matcher.Opened,
    };

    public Task<int> CountAsync() => Task.FromResult(_matcher.StoryCount);

    public async Task SaveAsync()
    {
        await SettleAsync();
        await SaveIfChangedAsync(force: true);
    }

    /// <summary>
    /// Writes a snapshot when something changed. The capture is taken in this turn (a consistent point, cheap); it is
    /// turned into a snapshot and serialised off the grain's turn and written while calls go on. Unless forced, saves keep to about a
    /// twentieth of the shard's time: a shard whose snapshot takes long to write writes it less often.
    /// </summary>
    private Task SaveIfChangedAsync(bool force)
    {
        if (!_dirty || !_saving.IsCompleted)
        {
            return _saving;
        }

        if (!force && _lastSaveEnded != 0 && _time.GetElapsedTime(_lastSaveEnded) < _lastSaveCost * 20)
        {
            return Task.CompletedTask;
        }

        _saving = WriteSnapshotAsync(_matcher.Capture());
        return _saving;
    }

    private async Task WriteSnapshotAsync(StoryMatcherCapture capture)
    {
        var started = _time.GetTimestamp();
        _dirty = false;
        try
        {
            var packed = await Task.Run(() => BrotliBytes.Compress(capture.ToBinary()));

            // A snapshot replaces all that was stored: after a write whose answer was lost, the last writer wins.
            await LastWriterWins.WriteAsync(_state, state =>
            {
                ForgetStoredSnapshot();
                state.SnapshotBinary = packed;
            });
            ForgetStoredSnapshot();
        }
        catch
        {
            _dirty = true;
            throw;
        }
        finally
        {
            _lastSaveEnded = _time.GetTimestamp();
            _lastSaveCost = _time.GetElapsedTime(started, _lastSaveEnded);
        }
    }

    /// <summary>
    /// Lets go of the snapshot once it is stored (or loaded): the matcher holds everything it says, and the
    /// storage holds it too, so a copy kept in the grain's state would only double the shard's memory
    /// (tens of megabytes a shard at a few thousand stories). Only <see cref="WriteSnapshotAsync"/>
    /// writes the state, and it always sets a fresh snapshot first.
    /// </summary>
    private void ForgetStoredSnapshot()
    {
        _state.State.Snapshot = null;
        _state.State.SnapshotJson = null;
        _state.State.SnapshotBrotli = null;
        _state.State.SnapshotBinary = null;
    }

    /// <summary>Waits for a save in flight; its failure left the shard dirty, so the next save tries again.</summary>
    private async Task SettleAsync()
    {
        try
        {
            await _saving;
        }
        catch (Exception)
        {
            // _dirty was set again by the failed or cancelled save (letting a cancelled save's exception out
            // would skip deactivation's own save).
        }
    }

    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.General) { MaxDepth = 64 };
}

/// <summary>The persisted index shard: the matcher's snapshot, compact and compressed (made off the grain's turn).</summary>
[GenerateSerializer, Alias("LiveNews.StoryIndexState")]
public sealed class StoryIndexState
{
    /// <summary>A snapshot written by an earlier version (read, never written).</summary>
    [Id(0)] public StoryMatcherSnapshot? Snapshot { get; set; }

    /// <summary>A snapshot as JSON, written by an earlier version (read, never written).</summary>
    [Id(1)] public byte[]? SnapshotJson { get; set; }

    /// <summary>The snapshot as JSON compressed with Brotli, written by an earlier version (read, never written).</summary>
    [Id(2)] public byte[]? SnapshotBrotli { get; set; }

    /// <summary>The snapshot in <see cref="StoryMatcherBinary"/>'s form compressed with Brotli (made off the grain's turn).</summary>
    [Id(3)] public byte[]? SnapshotBinary { get; set; }
}
