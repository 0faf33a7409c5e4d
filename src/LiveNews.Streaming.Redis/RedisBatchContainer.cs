using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace LiveNews.Streaming.Redis;

/// <summary>One Redis stream entry: the events of one <c>OnNextAsync</c> (or batch) for one stream, with the request context.</summary>
[GenerateSerializer, Alias("LiveNews.Streaming.Redis.RedisBatchContainer")]
public sealed class RedisBatchContainer : IBatchContainer
{
    public RedisBatchContainer(StreamId streamId, List<object> events, Dictionary<string, object>? requestContext)
    {
        StreamId = streamId;
        Events = events;
        RequestContext = requestContext;
    }

    [Id(0)] public StreamId StreamId { get; }

    [Id(1)] public List<object> Events { get; }

    [Id(2)] public Dictionary<string, object>? RequestContext { get; }

    /// <summary>
    /// The Orleans sequence number of the entry, set from the entry id when read (0 in Redis itself). It
    /// travels with the batch to consumers on other silos and clients, which order and resume by it.
    /// </summary>
    [Id(3)] public long SequenceNumber { get; set; }

    public EventSequenceTokenV2 Token => new(SequenceNumber);

    public StreamSequenceToken SequenceToken => Token;

    /// <summary>The Redis entry this container was read from.</summary>
    public RedisStreamEntryId EntryId => RedisStreamEntryId.FromSequenceNumber(SequenceNumber);

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Events.OfType<T>().Select((e, i) => Tuple.Create<T, StreamSequenceToken>(e, Token.CreateSequenceTokenForEvent(i)));

    public bool ImportRequestContext()
    {
        if (RequestContext is null)
        {
            return false;
        }

        RequestContextExtensions.Import(RequestContext);
        return true;
    }

    public override string ToString() => $"[RedisBatchContainer {StreamId} #{Events.Count} at {EntryId}]";
}
