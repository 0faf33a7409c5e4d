using LiveNews.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.TestingHost;

namespace LiveNews.Grains.Tests;

/// <summary>Two silos in this process with the embedded profile's in-memory providers.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async ValueTask InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(initialSilosCount: 2);
        builder.ConfigureSilo((_, silo) => silo.AddLiveNewsInMemoryProviders().AddLiveNewsGrains());
        builder.ConfigureClient(client =>
        {
            client.AddMemoryStreams(LiveNews.Abstractions.StreamNames.Provider);
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

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
