using System.Text.Json;
using LiveNews.Grains.Hosting;
using LiveNews.Grains.Storage;
using LiveNews.Stories;
using LiveNews.Stories.Analysis;
using LiveNews.Stories.Engine;
using LiveNews.Stories.Matching;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LiveNews.Grains.Stories;

/// <summary>
/// One shard of the term index: hosts a <see cref="StoryMatcher"/> holding the stories whose id hashes to
/// this shard; thin: the matching itself lives in LiveNews.Stories. What the matcher has learned is
/// persisted as a snapshot a second or so after it changes (with storage that outlives the silo) and when
/// the grain deactivates, so a
/// reactivation (idle collection, restart, failover) carries on with the same stories. With storage that
/// outlives a silo, each assignment (and each side of a merge) is also appended to the shard's journal
/// (<see cref="IStoryIndexJournal"/>) before its call answers (<see cref="StoryGrainOptions.IndexJournal"/>; commits waiting meanwhile share
/// one append), and what the journal holds beyond the snapshot is replayed on activation: after a crash the
/// shard still knows where every article it answered for went, so a version sent again lands in its
/// story, which recognises it.
/// </summary>
public sealed partial class StoryIndexGrain : Grain, IStoryIndexGrain
{
    private readonly IPersistentState<StoryIndexState> _state;
    private readonly StoryEngineOptions _options;
    private readonly StoryGrainOptions _grainOptions;
    private readonly TimeProvider _time;
    private readonly ILogger<StoryIndexGrain> _logger;

    /// <summary>Entries not appended to the journal yet.</summary>
    private readonly List<StoryIndexJournalEntry> _unjournalled = [];
    private IStoryIndexJournal? _journal;

    /// <summary>
    /// Commits since the snapshot after which the next tick writes a snapshot however costly it is: a
    /// longer journal is longer to replay.
    /// </summary>
    private const int JournalSaveThreshold = 2_000;

    /// <summary>Commits journalled so far (the newest entry's sequence).</summary>
    private long _sequence;

    /// <summary>The newest sequence the journal (or the snapshot) holds.</summary>
    private long _journalStored;

    /// <summary>The newest sequence the stored snapshot holds.</summary>
    private long _snapshotSequence;
    private Task _journalWrite = Task.CompletedTask;
    private StoryMatcher _matcher;
    private bool _dirty;
    private IGrainTimer? _saveTimer;
    private Task _saving = Task.CompletedTask;
    private long _lastSaveEnded;
    private TimeSpan _lastSaveCost;

    public StoryIndexGrain(
        [PersistentState("index", LiveNewsGrainsHosting.StorageName)] IPersistentState<StoryIndexState> state,
        IOptions<StoryEngineOptions> options,
        IOptions<StoryGrainOptions> grainOptions,
        TimeProvider time,
        ILogger<StoryIndexGrain> logger)
    {
        _state = state;
        _options = options.Value;
        _grainOptions = grainOptions.Value;
        _time = time;
        _logger = logger;
        _matcher = new StoryMatcher(_options);
    }

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
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
        _journal = _grainOptions.IndexJournal == false ? null : ServiceProvider.GetService<IStoryIndexJournal>();
        if (_grainOptions.IndexJournal == true && _journal is null)
        {
            throw new InvalidOperationException("LiveNews:Stories:IndexJournal is on, but no index journal is registered (the Redis profile has one)");
        }

        await ReplayJournalAsync(cancellationToken);

        // The timer interleaves: while a snapshot is serialised and written, proposals and commits go on.
        if (_grainOptions.IndexSaveDelayFor(LiveNewsGrainsHosting.StorageIsInMemory(ServiceProvider)) is { } delay)
        {
            _saveTimer = this.RegisterGrainTimer(_ => SaveIfChangedAsync(force: false), new GrainTimerCreationOptions(delay, delay) { Interleave = true, KeepAlive = false });
        }
    }

    /// <summary>Makes the journalled assignments newer than the snapshot again, in their order.</summary>
    private async Task ReplayJournalAsync(CancellationToken cancellationToken)
    {
        _sequence = _snapshotSequence = _state.State.JournalSequence;
        var replayed = 0;
        var entries = _journal is null ? [] : await _journal.ReadAfterAsync(this.GetPrimaryKeyLong(), _sequence, cancellationToken);
        foreach (var entry in entries)
        {
            if (entry.Sequence <= _sequence)
            {
                continue;
            }

            entry.ReplayInto(_matcher);
            _sequence = entry.Sequence;
            replayed++;
        }

        _journalStored = _sequence;
        if (replayed > 0)
        {
            _dirty = true;
            JournalReplayed(_logger, this.GetPrimaryKeyLong(), replayed);
        }
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _saveTimer?.Dispose();
        await SettleAsync();

        // In-memory storage goes down with the silo: nothing to save for then.
        if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown && LiveNewsGrainsHosting.StorageIsInMemory(ServiceProvider))
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
        StoryAssignment? assignment = null;
        var mergedInto = _journal is not null
            ? _matcher.Commit(article.Value, storyId, opens, ordinal, out assignment)
            : _matcher.Commit(article.Value, storyId, opens, ordinal);
        _dirty = true;
        var commit = new ShardCommit { MergedInto = mergedInto, Opened = _matcher.Opened };
        if (assignment is null)
        {
            return Task.FromResult(commit);
        }

        return JournalledAsync(commit, StoryIndexJournalEntry.From(assignment, _sequence + 1));
    }

    /// <summary>Answers <paramref name="answer"/> once the journal holds <paramref name="entry"/>.</summary>
    private async Task<T> JournalledAsync<T>(T answer, StoryIndexJournalEntry entry)
    {
        await JournalAsync(entry);
        return answer;
    }

    /// <summary>
    /// Adds <paramref name="entry"/> (the shard's next change number) to the journal and completes once the
    /// journal holds it. The matcher has the change already (other calls interleave here and see it); an
    /// append in flight is waited for and, when it was started before this entry, followed by one more that
    /// carries every entry added meanwhile.
    /// </summary>
    private async Task JournalAsync(StoryIndexJournalEntry entry)
    {
        _sequence = entry.Sequence;
        _unjournalled.Add(entry);
        while (_journalStored < entry.Sequence)
        {
            if (_journalWrite.IsCompleted)
            {
                _journalWrite = WriteJournalAsync();
            }

            await _journalWrite;
        }
    }

    private async Task WriteJournalAsync()
    {
        var entries = _unjournalled.ToList();
        _unjournalled.Clear();
        if (entries.Count == 0)
        {
            return;
        }

        try
        {
            await _journal!.AppendAsync(this.GetPrimaryKeyLong(), entries);
        }
        catch
        {
            // Appended again with the next entries (appending an entry twice stores it once).
            _unjournalled.InsertRange(0, entries);
            throw;
        }

        _journalStored = Math.Max(_journalStored, entries[^1].Sequence);
    }

    public Task<ShardProposal> ScoreAsync(Immutable<AnalysedArticle> article, string[] storyIds, string[] exclude)
    {
        var (storyId, score) = _matcher.ScoreAgainst(article.Value, storyIds, exclude);
        return Task.FromResult(new ShardProposal { StoryId = storyId, Score = score, Candidates = storyIds.Length, Opened = _matcher.Opened });
    }

    public Task<Immutable<StoryProfile[]>> GetProfilesAsync(string[] storyIds) =>
        Task.FromResult(storyIds.Select(_matcher.GetProfile).OfType<StoryProfile>().ToArray().AsImmutable());

    public async Task<Immutable<StoryProfile?>> DetachAsync(string storyId, string survivor)
    {
        // A merge's two sides are journalled as a commit is, before the call answers: a crash that loses the
        // snapshot then loses no merge either.
        var profile = _matcher.Detach(storyId, survivor);
        if (profile is not null)
        {
            _dirty = true;
            if (_journal is not null)
            {
                await JournalAsync(StoryIndexJournalEntry.ForDetach(storyId, survivor, _sequence + 1));
            }
        }

        return new Immutable<StoryProfile?>(profile);
    }

    public async Task AbsorbAsync(string survivor, Immutable<StoryProfile> absorbed)
    {
        if (_matcher.Absorb(survivor, absorbed.Value))
        {
            _dirty = true;
            if (_journal is not null)
            {
                await JournalAsync(StoryIndexJournalEntry.ForAbsorb(survivor, absorbed.Value, _sequence + 1));
            }
        }
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
    /// twentieth of the shard's time: a shard whose snapshot takes long to write writes it less often
    /// (unless its journal has grown long).
    /// </summary>
    private Task SaveIfChangedAsync(bool force)
    {
        if (!_dirty || !_saving.IsCompleted)
        {
            return _saving;
        }

        if (!force && _sequence - _snapshotSequence < JournalSaveThreshold && _lastSaveEnded != 0 && _time.GetElapsedTime(_lastSaveEnded) < _lastSaveCost * 20)
        {
            return Task.CompletedTask;
        }

        _saving = WriteSnapshotAsync(_matcher.Capture(), _sequence);
        return _saving;
    }

    /// <summary>Writes a snapshot that holds the journal up to <paramref name="sequence"/>; the journal then lets go of those entries.</summary>
    private async Task WriteSnapshotAsync(StoryMatcherCapture capture, long sequence)
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
                state.JournalSequence = sequence;
            });
            ForgetStoredSnapshot();
            _snapshotSequence = Math.Max(_snapshotSequence, sequence);
            await TrimJournalAsync(sequence);
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

    /// <summary>Drops what a stored snapshot holds from the journal; a failure only leaves more to skip on activation.</summary>
    private async Task TrimJournalAsync(long sequence)
    {
        if (_journal is null)
        {
            return;
        }

        try
        {
            await _journal.TrimAsync(this.GetPrimaryKeyLong(), sequence);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            JournalTrimFailed(_logger, this.GetPrimaryKeyLong(), ex);
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

    [LoggerMessage(EventId = 120, Level = LogLevel.Information, Message = "Index shard {Shard} replayed {Count} journalled changes (assignments and merges) newer than its snapshot")]
    private static partial void JournalReplayed(ILogger logger, long shard, int count);

    [LoggerMessage(EventId = 121, Level = LogLevel.Warning, Message = "Index shard {Shard} could not trim its journal; its next activation skips the entries its snapshot holds")]
    private static partial void JournalTrimFailed(ILogger logger, long shard, Exception exception);
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

    /// <summary>The newest journal entry the snapshot holds (<see cref="StoryIndexJournalEntry.Sequence"/>).</summary>
    [Id(4)] public long JournalSequence { get; set; }
}
