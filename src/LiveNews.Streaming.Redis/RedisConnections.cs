using StackExchange.Redis;

namespace LiveNews.Streaming.Redis;

/// <summary>One lazily opened connection per connection string, shared by a stream provider's adapter, receivers and history reader, and the index journal.</summary>
public static class RedisConnections
{
    private static readonly Dictionary<string, Lazy<Task<ConnectionMultiplexer>>> Open = new(StringComparer.Ordinal);
    private static readonly Lock Gate = new();

    public static Task<ConnectionMultiplexer> GetAsync(string connectionString)
    {
        Lazy<Task<ConnectionMultiplexer>> connection;
        lock (Gate)
        {
            if (!Open.TryGetValue(connectionString, out connection!) || (connection.IsValueCreated && connection.Value.IsFaulted))
            {
                connection = new Lazy<Task<ConnectionMultiplexer>>(() =>
                {
                    var options = ConfigurationOptions.Parse(connectionString);
                    options.AbortOnConnectFail = false;
                    return ConnectionMultiplexer.ConnectAsync(options);
                });
                Open[connectionString] = connection;
            }
        }

        return connection.Value;
    }
}
