namespace LiveNews.Server.Events;

/// <summary>
/// The Server-Sent Events connections this node serves: how many, and a way to drop them all (an
/// operator draining a node; tests simulating a broken connection). Clients reconnect by themselves
/// with Last-Event-ID and miss nothing.
/// </summary>
public sealed class SseConnections
{
    private CancellationTokenSource _drop = new();
    private int _count;

    /// <summary>Connections open now.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>A token that fires when connections are dropped.</summary>
    public CancellationToken DropToken => Volatile.Read(ref _drop).Token;

    internal void Opened()
    {
        Interlocked.Increment(ref _count);
        LiveNews.Grains.Telemetry.LiveNewsTelemetry.SseClients.Add(1);
    }

    internal void Closed()
    {
        Interlocked.Decrement(ref _count);
        LiveNews.Grains.Telemetry.LiveNewsTelemetry.SseClients.Add(-1);
    }

    /// <summary>Ends every open SSE response; clients reconnect.</summary>
    public void DropAll()
    {
        var previous = Interlocked.Exchange(ref _drop, new CancellationTokenSource());
        previous.Cancel();
        previous.Dispose();
    }
}
