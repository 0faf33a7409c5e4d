using LiveNews.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace LiveNews.Grains.Tests;

/// <summary>Two silos in this process with the embedded profile's in-memory providers.</summary>
public class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    /// <summary>Engine options for the silos (defaults unless a fixture says otherwise).</summary>
    protected virtual void ConfigureEngine(LiveNews.Stories.StoryEngineOptions options)
    {
    }

    /// <summary>Silos in the cluster.</summary>
    protected virtual short Silos => 2;

    /// <summary>More silo configuration (a fixture's own options).</summary>
    protected virtual void ConfigureSilo(ISiloBuilder silo)
    {
    }

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: Silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddLiveNewsInMemoryProviders().AddLiveNewsGrains();
            silo.Services.Configure<LiveNews.Stories.StoryEngineOptions>(ConfigureEngine);
            ConfigureSilo(silo);
        });
        builder.ConfigureClient(client =>
        {
            client.AddLiveNewsInMemoryStreams();
            client.Services.AddSerializer(s => s.AddLiveNewsSerialization());
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}

/// <summary>A cluster whose engine keeps related stories apart until an article bridges them.</summary>
public sealed class StrictClusterFixture : ClusterFixture
{
    protected override void ConfigureEngine(LiveNews.Stories.StoryEngineOptions options) => KeepRelatedStoriesApart(options);

    /// <summary>A high bar to join, and merges whenever an article bridges two stories.</summary>
    public static void KeepRelatedStoriesApart(LiveNews.Stories.StoryEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.MatchThreshold = 0.5;
        options.MergeThreshold = 0.3;
        options.StoryMergeThreshold = 0.05;
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
