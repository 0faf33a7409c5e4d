using Orleans.Storage;

namespace LiveNews.Grains.Storage;

/// <summary>
/// Writes a grain's state when this grain is the state's only writer and what it writes replaces all that
/// was stored (a view rebuilt from its sources, a snapshot). A write whose answer was lost (cut off after the
/// storage took it) leaves the grain an etag the storage no longer has, and Orleans only deactivates a grain
/// for that when one of its calls fails; a write from a timer or from deactivation would be refused for
/// the rest of the activation. So a refused etag is read again and the write made once more.
/// </summary>
public static class LastWriterWins
{
    /// <summary>
    /// Sets the state with <paramref name="fill"/> and writes it; on a stale etag, reads the stored state
    /// (for its etag), sets it again and writes once more.
    /// </summary>
    public static async Task WriteAsync<TState>(IPersistentState<TState> state, Action<TState> fill, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(fill);
        fill(state.State);
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch (InconsistentStateException)
        {
            await state.ReadStateAsync(cancellationToken);
            fill(state.State);
            await state.WriteStateAsync(cancellationToken);
        }
    }
}
