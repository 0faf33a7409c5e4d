using LiveNews.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using Orleans.Serialization;

namespace LiveNews.Streaming.Redis.Tests;

/// <summary>A redis-server of its own, and what the provider's parts need outside a silo.</summary>
public sealed class RedisStreamFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    internal RedisServer Redis { get; private set; } = null!;

    public Serializer Serializer => _services!.GetRequiredService<Serializer>();

    public RedisStreamOptions Options(int cacheSize = 256, int maxLength = 100_000) => new()
    {
        ConnectionString = Redis.ConnectionString,
        KeyPrefix = "test-" + Guid.NewGuid().ToString("N")[..8],
        QueueCount = 2,
        CacheSize = cacheSize,
        MaxStreamLength = maxLength,
    };

    public RedisStreamQueueAdapterFactory Factory(RedisStreamOptions options, string name = "redis", string serviceId = "tests") =>
        new(name, options, new ClusterOptions { ServiceId = serviceId, ClusterId = serviceId }, Serializer, NullLoggerFactory.Instance);

    public async ValueTask InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        _services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (Redis is not null)
        {
            await Redis.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RedisStreamCollection : ICollectionFixture<RedisStreamFixture>
{
    public const string Name = "redis streams";
}
