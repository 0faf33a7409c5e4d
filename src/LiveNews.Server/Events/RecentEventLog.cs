using LiveNews.Abstractions.Contracts;

namespace LiveNews.Server.Events;

/// <summary>
/// The recent story events this node has seen, bounded, in arrival order, so that a Server-Sent Events
/// client that reconnects with Last-Event-ID gets exactly what it missed. An event's id is
/// "storyId/sequence": the same on every node, so a client may reconnect to another silo.
/// Thread-safe.
/// </summary>
public sealed class RecentEventLog
{
    private readonly object _gate = new();
    private readonly LinkedList<Entry> _entries = new();
    private readonly Dictionary<string, LinkedListNode<Entry>> _byId = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _position;

    public RecentEventLog(int capacity = 10_000)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
    }

    public int Capacity { get; }

    /// <summary>The SSE id of an event.</summary>
    public static string IdOf(StoryEvent evt) => $"{evt.StoryId}/{evt.Sequence}";

    /// <summary>Adds an event (once: a redelivered event is ignored). Returns false when it was there already.</summary>
    public bool Append(StoryEvent evt)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            var id = IdOf(evt);
            if (_byId.ContainsKey(id))
            {
                return false;
            }

            var node = _entries.AddLast(new Entry(++_position, id, evt));
            _byId[id] = node;
            while (_entries.Count > Capacity)
            {
                _byId.Remove(_entries.First!.Value.Id);
                _entries.RemoveFirst();
            }

            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
        return true;
    }

    /// <summary>
    /// Events after the one with <paramref name="lastEventId"/>. When that event is unknown (too old,
    /// or from before this node started), every event held is returned: better twice than missed.
    /// </summary>
    public IReadOnlyList<Entry> After(string? lastEventId)
    {
        lock (_gate)
        {
            if (lastEventId is null)
            {
                return [];
            }

            var start = _byId.TryGetValue(lastEventId, out var node) ? node.Next : _entries.First;
            var result = new List<Entry>();
            for (var n = start; n is not null; n = n.Next)
            {
                result.Add(n.Value);
            }

            return result;
        }
    }

    /// <summary>Events after a position this caller has seen.</summary>
    public IReadOnlyList<Entry> AfterPosition(long position)
    {
        lock (_gate)
        {
            var result = new List<Entry>();
            for (var n = _entries.Last; n is not null && n.Value.Position > position; n = n.Previous)
            {
                result.Add(n.Value);
            }

            result.Reverse();
            return result;
        }
    }

    /// <summary>The id to resume from for a client that has seen everything held now ("@start" when empty).</summary>
    public (long Position, string Id) Newest
    {
        get
        {
            lock (_gate)
            {
                return _entries.Last is { } last ? (last.Value.Position, last.Value.Id) : (_position, StartId);
            }
        }
    }

    /// <summary>Resuming from this id replays every event held.</summary>
    public const string StartId = "@start";

    /// <summary>Completes when an event is appended.</summary>
    public Task WaitForChangeAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _changed.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>One event held, with its position in this log and its SSE id.</summary>
    public sealed record Entry(long Position, string Id, StoryEvent Event);
}
