using LiveNews.Abstractions;
using LiveNews.Stories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using LiveNews.Feeds.Safety;
using LiveNews.Grains.Storage;
using LiveNews.Grains.Webhooks;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace LiveNews.Grains.Hosting;

/// <summary>What every LiveNews silo needs, whatever the hosting profile.</summary>
public static class LiveNewsGrainsHosting
{
    /// <summary>Storage name of story, catalog and feed state.</summary>
    public const string StorageName = "stories";

    /// <summary>
    /// Whether the state storage lives in the silo's own memory (the embedded profile), so that a crash takes
    /// it down together with the grains: what a grain writes there only serves its own next activation, and
    /// writing it on deactivation is enough.
    /// </summary>
    public static bool StorageIsInMemory(IServiceProvider services) =>
        services.GetKeyedService<IGrainStorage>(StorageName) is MemoryGrainStorage;

    /// <summary>Registers the grains' services: clock, engine options, serialisation of engine types.</summary>
    public static ISiloBuilder AddLiveNewsGrains(this ISiloBuilder silo, IConfiguration? configuration = null)
    {
        silo.Services.TryAddSingleton(TimeProvider.System);
        silo.Services.AddSerializer(s => s.AddLiveNewsSerialization());
        var options = silo.Services.AddOptions<StoryEngineOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection("LiveNews:Stories"));
        }

        var grainOptions = silo.Services.AddOptions<Stories.StoryGrainOptions>();
        if (configuration is not null)
        {
            grainOptions.Bind(configuration.GetSection(Stories.StoryGrainOptions.Section));
        }

        silo.Services.AddOptions<GrainCollectionOptions>().Configure<IOptions<Stories.StoryGrainOptions>>((o, stories) =>
            o.ClassSpecificCollectionAge[typeof(Stories.StoryClusterGrain).FullName!] = stories.Value.StoryIdleTimeout);
        silo.AddLiveNewsWebhooks(configuration);
        silo.Services.AddHostedService<SiloFailureWatcher>();
        return silo;
    }

    /// <summary>
    /// Webhook delivery: options ("LiveNews:Webhooks"), a sender whose connections are checked against
    /// private addresses (unless allowed) and follow no redirects, and a startup task that resumes the
    /// pending deliveries of every endpoint.
    /// </summary>
    public static ISiloBuilder AddLiveNewsWebhooks(this ISiloBuilder silo, IConfiguration? configuration = null)
    {
        var options = silo.Services.AddOptions<WebhookOptions>();
        if (configuration is not null)
        {
            options.Bind(configuration.GetSection(WebhookOptions.Section));
        }

        silo.Services.TryAddSingleton<IWebhookSender>(sp =>
        {
            var webhookOptions = sp.GetRequiredService<IOptions<WebhookOptions>>();
            var handler = new DestinationGuard(webhookOptions.Value.AllowPrivateAddresses).CreateHandler();
            var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
            return new HttpWebhookSender(client, webhookOptions, sp.GetRequiredService<TimeProvider>());
        });
        silo.AddStartupTask<WebhookResumeTask>();
        return silo;
    }

    /// <summary>Queues of the embedded profile's memory stream provider.</summary>
    private const int MemoryStreamQueues = 2;

    /// <summary>How often the embedded profile's stream queues are read when they were empty.</summary>
    private static readonly TimeSpan MemoryStreamPollPeriod = TimeSpan.FromMilliseconds(10);

    /// <summary>How long an event stays in the embedded stream cache at least, and at most.</summary>
    private static readonly TimeSpan MemoryStreamCacheMinTime = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan MemoryStreamCacheMaxAge = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The embedded profile's stream provider for a client outside the silos (a test's, a tool's): the same
    /// queues as the silos', so that what the client publishes lands in a queue the silos' agents read (the
    /// provider's default of eight queues puts most streams in queues nobody reads).
    /// </summary>
    public static IClientBuilder AddLiveNewsInMemoryStreams(this IClientBuilder client)
    {
        client.AddMemoryStreams(StreamNames.Provider, streams => streams.ConfigurePartitioning(MemoryStreamQueues));
        return client;
    }

    /// <summary>The embedded profile's providers: in-memory storage, reminders and streams.</summary>
    public static ISiloBuilder AddLiveNewsInMemoryProviders(this ISiloBuilder silo)
    {
        silo.AddMemoryGrainStorage(StorageName, (OptionsBuilder<MemoryGrainStorageOptions> storage) =>
            storage.Configure<IGrainStorageSerializer, Serializer>((o, serializer, binary) => o.GrainStorageSerializer = new CompressedGrainStorageSerializer(serializer, binary)));
        silo.AddMemoryGrainStorage("PubSubStore");
        silo.UseInMemoryReminderService();
        // Every story event goes on one stream, so a few queues do; polled often, so an event reaches its
        // consumers (dashboard, webhooks) in milliseconds rather than at the default 100 ms poll.
        silo.AddMemoryStreams(StreamNames.Provider, streams =>
        {
            streams.ConfigurePartitioning(MemoryStreamQueues);
            streams.ConfigurePullingAgent(agent => agent.Configure(o => o.GetQueueMsgsTimerPeriod = MemoryStreamPollPeriod));

            // The cache only has to outlast the consumers' lag (milliseconds; nothing rewinds the stream: a
            // new dashboard gets the recent events from the server's own log). The default kept five minutes
            // of events, at 1,500 a second about 400 MB.
            streams.ConfigureCacheEviction(eviction => eviction.Configure(o =>
            {
                o.DataMinTimeInCache = MemoryStreamCacheMinTime;
                o.DataMaxAgeInCache = MemoryStreamCacheMaxAge;
            }));
        });
        return silo;
    }
}
