using System.Net;
using System.Net.Sockets;
using LiveNews.Abstractions;
using LiveNews.Grains.Hosting;
using LiveNews.Grains.Storage;
using LiveNews.Grains.Stories;
using LiveNews.Server.Storage;
using Orleans.Persistence;
using Orleans.Storage;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using LiveNews.Streaming.Redis;
using StackExchange.Redis;

namespace LiveNews.Server.Hosting;

/// <summary>
/// Sets up the Orleans silo for a hosting profile. Embedded (the default): localhost clustering and
/// in-memory storage, reminders and streams. Redis (when "LiveNews:Redis" holds a connection string):
/// Redis clustering, grain storage (PubSubStore included) and reminders, so that several identical silos
/// share the work and state survives a silo.
/// </summary>
public static class LiveNewsSiloExtensions
{
    /// <summary>The configuration key of the Redis connection string that selects the Redis profile.</summary>
    public const string RedisKey = "LiveNews:Redis";

    /// <summary>Whether index shards journal their assignments and merges (<see cref="LiveNews.Grains.Stories.StoryGrainOptions.IndexJournal"/>).</summary>
    public const string IndexJournalKey = "LiveNews:Stories:IndexJournal";

    /// <summary>How often a silo writes to the membership table that it is alive.</summary>
    private static readonly TimeSpan IAmAlivePeriod = TimeSpan.FromSeconds(10);

    /// <summary>How many of those writes a silo may miss before a joining silo stops waiting for it.</summary>
    private const int MissedIAmAliveLimit = 2;

    /// <summary>Index shards (every silo of a cluster must agree; the Redis profile's default is the engine's, four).</summary>
    public const string IndexShardsKey = "LiveNews:Stories:IndexShards";

    /// <summary>Turns the Orleans dashboard (under /orleans, behind the API key) on or off.</summary>
    public const string OrleansDashboardKey = "LiveNews:OrleansDashboard:Enabled";

    /// <summary>Adds the LiveNews silo and the engine's services to a host.</summary>
    public static IHostApplicationBuilder AddLiveNewsSilo(this IHostApplicationBuilder builder)
    {
        var silo = builder.Configuration.GetSection(SiloOptions.Section).Get<SiloOptions>() ?? new SiloOptions();
        var siloPort = silo.SiloPort == 0 ? FreePort.Next() : silo.SiloPort;
        var gatewayPort = silo.GatewayPort == 0 ? FreePort.Next() : silo.GatewayPort;
        var redis = builder.Configuration[RedisKey];

        builder.Services.AddSingleton(TimeProvider.System);

        // The engine is bound by memory reads: its heap in 2 MiB pages on Linux (docs/PERFORMANCE.md).
        builder.Services.Configure<RuntimeOptions>(builder.Configuration.GetSection(RuntimeOptions.Section));
        builder.Services.AddHostedService<ManagedHeapPagesService>();

        // One process gains nothing from several index shards (each reads every article): one, unless configured.
        if (string.IsNullOrWhiteSpace(redis))
        {
            builder.Configuration[IndexShardsKey] ??= "1";

            // Said at start-up, not at the first article: every index shard would refuse to activate.
            if (builder.Configuration.GetValue<bool?>(IndexJournalKey) == true)
            {
                throw new InvalidOperationException($"{IndexJournalKey} is true, but only the Redis profile ({RedisKey}) has an index journal; remove it or set {RedisKey}");
            }
        }

        builder.UseOrleans(orleans =>
        {
            if (string.IsNullOrWhiteSpace(redis))
            {
                var primary = silo.PrimarySiloPort > 0 ? new IPEndPoint(IPAddress.Loopback, silo.PrimarySiloPort) : null;
                orleans.UseLocalhostClustering(siloPort, gatewayPort, primary, silo.ServiceId, silo.ClusterId);
                orleans.AddLiveNewsInMemoryProviders();
            }
            else
            {
                orleans.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = silo.ClusterId;
                    o.ServiceId = silo.ServiceId;
                });
                orleans.ConfigureEndpoints(AdvertisedAddress(silo), siloPort, gatewayPort, listenOnAnyHostAddress: true);
                orleans.AddLiveNewsRedisProviders(redis);
            }

            orleans.AddLiveNewsGrains(builder.Configuration);
            orleans.AddActivityPropagation();
            if (builder.Configuration.GetValue(OrleansDashboardKey, true))
            {
                orleans.AddDashboard();
            }

            if (KubernetesHosting.IsKubernetes(builder.Configuration))
            {
                orleans.UseKubernetesHosting();
            }

            orleans.Configure<ClusterMembershipOptions>(o =>
            {
                o.DefunctSiloCleanupPeriod = TimeSpan.FromMinutes(1);

                // A silo that joins checks that it can reach every silo the table calls active, except those that
                // have not said they are alive for this long. Orleans' defaults (30 s, three times) left a lone
                // silo restarted on a new address (a container that came back elsewhere) waiting about 105 s for
                // its dead predecessor; a write to the table every ten seconds costs nothing.
                o.IAmAliveTablePublishTimeout = IAmAlivePeriod;
                o.NumMissedTableIAmAliveLimit = MissedIAmAliveLimit;
            });
        });
        return builder;
    }

    /// <summary>
    /// The Redis profile's providers: clustering, grain storage, reminders, the "stories" stream on
    /// Redis Streams (durable: consumers resume after a failover, and new nodes backfill their SSE log),
    /// and the index shards' journal (<see cref="RedisStoryIndexJournal"/>).
    /// </summary>
    public static ISiloBuilder AddLiveNewsRedisProviders(this ISiloBuilder orleans, string connectionString)
    {
        ConfigurationOptions Options()
        {
            var options = ConfigurationOptions.Parse(connectionString);
            options.AbortOnConnectFail = false;
            return options;
        }

        orleans.UseRedisClustering(o => o.ConfigurationOptions = Options());
        orleans.AddRedisGrainStorage(LiveNewsGrainsHosting.StorageName, (OptionsBuilder<RedisStorageOptions> storage) => storage.Configure<IGrainStorageSerializer, Orleans.Serialization.Serializer>((o, serializer, binary) =>
        {
            o.ConfigurationOptions = Options();
            o.GrainStorageSerializer = new CompressedGrainStorageSerializer(serializer, binary);
        }));
        orleans.AddRedisGrainStorage("PubSubStore", o => o.ConfigurationOptions = Options());
        orleans.UseRedisReminderService(o => o.ConfigurationOptions = Options());
        orleans.AddRedisStreams(StreamNames.Provider, o =>
        {
            o.ConnectionString = connectionString;
            o.KeyPrefix = "livenews-streams";
        });
        orleans.Services.AddSingleton<IStoryIndexJournal>(sp => new RedisStoryIndexJournal(
            connectionString, sp.GetRequiredService<IOptions<ClusterOptions>>(), sp.GetRequiredService<Orleans.Serialization.Serializer>()));
        return orleans;
    }

    /// <summary>The configured address, else this host's first IPv4 address, else loopback.</summary>
    private static IPAddress AdvertisedAddress(SiloOptions silo)
    {
        if (!string.IsNullOrWhiteSpace(silo.AdvertisedAddress))
        {
            return IPAddress.TryParse(silo.AdvertisedAddress, out var given)
                ? given
                : Dns.GetHostAddresses(silo.AdvertisedAddress).First(a => a.AddressFamily == AddressFamily.InterNetwork);
        }

        try
        {
            return Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a))
                ?? IPAddress.Loopback;
        }
        catch (SocketException)
        {
            return IPAddress.Loopback;
        }
    }
}
