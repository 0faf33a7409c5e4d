namespace LiveNews.Server.Events;

/// <summary>
/// Whether this node relays story events to its browsers yet: set once <see cref="StoryEventRelay"/>
/// has subscribed to the stories stream and filled its log. Until then an event published by the
/// cluster would not reach this node's SSE clients, so /readyz answers 503 and /api/events waits
/// (up to <see cref="EventsApiWait"/>) before it opens a stream, and answers 503 if the relay is still not there.
/// </summary>
public sealed class EventRelayReadiness
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How long /api/events waits for the relay before it answers 503; clients retry.</summary>
    public TimeSpan EventsApiWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Completes once the relay is subscribed.</summary>
    public Task Ready => _ready.Task;

    /// <summary>True once the relay is subscribed.</summary>
    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    internal void MarkReady() => _ready.TrySetResult();

    /// <summary>Waits for the relay up to <paramref name="timeout"/>; false when it is still not there.</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        if (IsReady)
        {
            return true;
        }

        try
        {
            await _ready.Task.WaitAsync(timeout, time, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
