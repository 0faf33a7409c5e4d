using System.Collections.Immutable;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;

namespace LiveNews.Grains.Stories;

/// <summary>
/// The list of recently updated stories. Bounded: beyond <see cref="MaxStories"/> the least recently
/// updated are dropped from the list (the stories themselves stay readable by id). Persisted lazily by
/// a grain timer so that a burst of updates costs one write.
/// </summary>
public sealed class StoryCatalogGrain : Grain, IStoryCatalogGrain
{
    public const int MaxStories = 10_000;

    private readonly IPersistentState<StoryCatalogGrainState> _state;
    private SortedSet<(DateTimeOffset UpdatedAt, string Id)> _byRecency = [];
    private bool _dirty;

    public StoryCatalogGrain([PersistentState("catalog", Hosting.LiveNewsGrainsHosting.StorageName)] IPersistentState<StoryCatalogGrainState> state)
    {
        _state = state;
    }

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _byRecency = [.. _state.State.Stories.Values.Select(s => (s.UpdatedAt, s.Id))];
        this.RegisterGrainTimer(FlushAsync, new GrainTimerCreationOptions(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(2)) { Interleave = false });
        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // On silo shutdown in-memory storage is already gone; the timer has written all but the last seconds,
        // and each story's next update puts it back on the list.
        if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown)
        {
            return;
        }

        await FlushAsync(cancellationToken);
    }

    public Task UpsertAsync(StorySummary summary)
    {
        var stories = _state.State.Stories;
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
        var stories = _state.State.Stories;
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

    public Task<int> CountAsync() => Task.FromResult(_state.State.Stories.Count);

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_dirty)
        {
            return;
        }

        _dirty = false;
        await _state.WriteStateAsync(cancellationToken);
    }
}
