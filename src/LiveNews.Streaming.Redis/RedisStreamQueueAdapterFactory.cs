using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Serialization;
using Orleans.Streams;

namespace LiveNews.Streaming.Redis;

/// <summary>The Redis Streams provider's factory: adapter, queue mapper, cache and failure handler.</summary>
public sealed class RedisStreamQueueAdapterFactory : IQueueAdapterFactory
{
    private readonly string _name;
    private readonly RedisStreamOptions _options;
    private readonly RedisStreamKeys _keys;
    private readonly Serializer _serializer;
    private readonly ILoggerFactory _loggers;
    private readonly HashRingBasedStreamQueueMapper _mapper;
    private readonly RetainingQueueAdapterCache _cache;

    public RedisStreamQueueAdapterFactory(string name, RedisStreamOptions options, ClusterOptions cluster, Serializer serializer, ILoggerFactory loggers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.ConnectionString, nameof(options));
        _name = name;
        _options = options;
        _keys = new RedisStreamKeys(options, cluster.ServiceId, name);
        _serializer = serializer;
        _loggers = loggers;
        _mapper = CreateMapper(name, options);
        _cache = new RetainingQueueAdapterCache(options.CacheSize, name, loggers);
    }

    /// <summary>Creates the factory of the provider named <paramref name="name"/> (for <c>AddPersistentStreams</c>).</summary>
    public static RedisStreamQueueAdapterFactory Create(IServiceProvider services, string name) => new(
        name,
        services.GetRequiredService<IOptionsMonitor<RedisStreamOptions>>().Get(name),
        services.GetRequiredService<IOptions<ClusterOptions>>().Value,
        services.GetRequiredService<Serializer>(),
        services.GetRequiredService<ILoggerFactory>());

    internal static HashRingBasedStreamQueueMapper CreateMapper(string name, RedisStreamOptions options) =>
        new(new HashRingStreamQueueMapperOptions { TotalQueueCount = options.QueueCount }, name);

    public Task<IQueueAdapter> CreateAdapter() =>
        Task.FromResult<IQueueAdapter>(new RedisStreamQueueAdapter(_name, _options, _keys, _mapper, _serializer, _loggers));

    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper;

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) =>
        Task.FromResult<IStreamFailureHandler>(new NoOpStreamDeliveryFailureHandler());
}
