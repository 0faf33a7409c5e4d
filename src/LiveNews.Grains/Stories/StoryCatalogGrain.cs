using System.Collections.Immutable;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Grains.Hosting;
using LiveNews.Grains.Storage;
using Orleans.Serialization;

namespace LiveNews.Grains.Stories;

/// <summary>
/// The list of recently updated stories. Bounded: beyond <see cref="MaxStories"/> the least recently
/// updated are dropped from the list (the stories themselves stay readable by id). Persisted lazily by
/// a grain timer so that a burst of updates costs one write (with in-memory storage only on deactivation);
/// the timer interleaves and the list is serialised off the grain's turn, so neither updates nor list
/// requests wait for a write (written in the turn, a full list took 90 to 570 ms every two seconds).
/// </summary>
public sealed class StoryCatalogGrain : Grain, IStoryCatalogGrain
{
    public const int MaxStories = 10_000;

    /// <summary>How often a changed list is written, with storage that outlives the silo.</summary>
    private static readonly TimeSpan FlushPeriod = TimeSpan.FromSeconds(2);

    private readonly IPersistentState<StoryCatalogGrainState> _state;
    private readonly Serializer _serializer;
    private Dictionary<string, StorySummary> _stories = new(StringComparer.Ordinal);
    private SortedSet<(DateTimeOffset UpdatedAt, string Id)> _byRecency = [];
    private bool _dirty;
    private Task _flushing = Task.CompletedTask;

    public StoryCatalogGrain(
        [PersistentState("catalog", Hosting.LiveNewsGrainsHosting.StorageName)] IPersistentState<StoryCatalogGrainState> state,
        Serializer serializer)
    {
        _state = state;
        _serializer = serializer;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (_state.State.Packed is { Length: > 0 } packed)
        {
            var plain = BrotliBytes.Decompress(packed, CompressedGrainStorageSerializer.MaxStateBytes);
            _stories = (_serializer.Deserialize<List<StorySummary>>(plain) ?? []).ToDictionary(s => s.Id, StringComparer.Ordinal);
        }
        else
        {
            _stories = new Dictionary<string, StorySummary>(_state.State.Stories, StringComparer.Ordinal);
        }

        ForgetStoredList();
        _byRecency = [.. _stories.Values.Select(s => (s.UpdatedAt, s.Id))];
        // The timer's token is cancelled when the activation deactivates: a write in flight must not be cut off
        // by it (deactivation waits for that write, then writes what came after), so the timer passes none.
        // In-memory storage goes down with the silo, so there the list is written on deactivation only: written
        // every two seconds it was megabytes of garbage each time (up to 10,000 summaries serialised and
        // compressed), much of it on the large-object heap, which sets off background collections.
        if (!LiveNewsGrainsHosting.StorageIsInMemory(ServiceProvider))
        {
            this.RegisterGrainTimer(_ => FlushAsync(CancellationToken.None), new GrainTimerCreationOptions(FlushPeriod, FlushPeriod) { Interleave = true, KeepAlive = false });
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // On silo shutdown in-memory storage is already gone; durable storage holds what the timer wrote, all
        // but the last seconds, and each story's next update puts it back on the list.
        if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown)
        {
            return;
        }

        try
        {
            await _flushing;
        }
        catch (Exception)
        {
            // A failed or cancelled write left the list dirty: written again just below. (Letting a cancelled
            // write's exception out here skipped the final write and lost the last updates.)
        }

        await FlushAsync(cancellationToken);
    }

    public Task UpsertAsync(StorySummary summary)
    {
        var stories = _stories;
        if (stories.TryGetValue(summary.Id, out var existing))
        {
            if (existing.Sequence > summary.Sequence)
            {
                return Task.CompletedTask;
            }

            _byRecency.Remove((existing.UpdatedAt, existing.Id));
        }

        stories[summary.Id] = summary;
        _byRecency.Add((summary.UpdatedAt, summary.Id));
        while (stories.Count > MaxStories)
        {
            var oldest = _byRecency.Min;
            _byRecency.Remove(oldest);
            stories.Remove(oldest.Id);
        }

        _dirty = true;
        return Task.CompletedTask;
    }

    public Task<StoryList> ListAsync(StoryQuery query)
    {
        var stories = _stories;
        var skip = Math.Max(0, query.Skip);
        var take = Math.Clamp(query.Take, 0, 500);
        var matching = _byRecency.Reverse()
            .Select(k => stories[k.Id])
            .Where(s => s.MergedInto is null && query.Matches(s))
            .ToList();
        return Task.FromResult(new StoryList
        {
            Stories = [.. matching.Skip(skip).Take(take)],
            Total = matching.Count,
            Skip = skip,
            Take = take,
        });
    }

    public Task<int> CountAsync() => Task.FromResult(_stories.Count);

    /// <summary>Writes the list when it changed (one write at a time; the list is copied in the turn, serialised off it).</summary>
    private Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_dirty || !_flushing.IsCompleted)
        {
            return _flushing;
        }

        _flushing = WriteAsync([.. _stories.Values], cancellationToken);
        return _flushing;
    }

    private async Task WriteAsync(List<StorySummary> summaries, CancellationToken cancellationToken)
    {
        _dirty = false;
        try
        {
            var packed = await Task.Run(() => BrotliBytes.Compress(_serializer.SerializeToArray(summaries)), cancellationToken);
            // The list is a view that every story's next update rebuilds: after a write whose answer was
            // lost, the last writer wins.
            await LastWriterWins.WriteAsync(_state, state =>
            {
                ForgetStoredList();
                state.Packed = packed;
            }, cancellationToken);
            ForgetStoredList();
        }
        catch
        {
            _dirty = true;
            throw;
        }
    }

    /// <summary>Lets go of the stored form once written or read: the live list holds everything it says.</summary>
    private void ForgetStoredList()
    {
        _state.State.Stories = new Dictionary<string, StorySummary>(StringComparer.Ordinal);
        _state.State.Packed = null;
    }
}
