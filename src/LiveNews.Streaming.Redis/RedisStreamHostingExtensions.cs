using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;

namespace LiveNews.Streaming.Redis;

/// <summary>Registers the Redis Streams persistent stream provider.</summary>
public static class RedisStreamHostingExtensions
{
    /// <summary>
    /// Adds a persistent stream provider named <paramref name="name"/> on Redis Streams, and a
    /// <see cref="RedisStreamHistory"/> for it (a keyed service under the same name).
    /// </summary>
    public static ISiloBuilder AddRedisStreams(this ISiloBuilder silo, string name, Action<RedisStreamOptions> configure)
    {
        silo.Services.Configure(name, configure);
        silo.Services.AddKeyedSingleton(name, (sp, _) => new RedisStreamHistory(
            name,
            sp.GetRequiredService<IOptionsMonitor<RedisStreamOptions>>().Get(name),
            sp.GetRequiredService<IOptions<ClusterOptions>>().Value,
            sp.GetRequiredService<Serializer>(),
            sp.GetRequiredService<ILogger<RedisStreamHistory>>()));
        silo.AddPersistentStreams(name, RedisStreamQueueAdapterFactory.Create, streams =>
            streams.ConfigureStreamPubSub(Orleans.Streams.StreamPubSubType.ExplicitGrainBasedAndImplicit));
        return silo;
    }

    /// <summary>The same provider on a cluster client (producing and explicit subscriptions).</summary>
    public static IClientBuilder AddRedisStreams(this IClientBuilder client, string name, Action<RedisStreamOptions> configure)
    {
        client.Services.Configure(name, configure);
        client.AddPersistentStreams(name, RedisStreamQueueAdapterFactory.Create, _ => { });
        return client;
    }
}
