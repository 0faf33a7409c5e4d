using LiveNews.Grains.Webhooks;
using Microsoft.Extensions.DependencyInjection;

namespace LiveNews.Grains.Tests.Webhooks;

/// <summary>Two silos whose webhooks may call loopback, with the retry schedule compressed to milliseconds and a 1 s timeout.</summary>
public sealed class WebhookClusterFixture : ClusterFixture
{
    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.Services.Configure<WebhookOptions>(o =>
        {
            o.AllowPrivateAddresses = true;
            o.RetrySchedule = [TimeSpan.Zero, .. Enumerable.Repeat(TimeSpan.FromMilliseconds(50), 7)];
            o.Timeout = TimeSpan.FromSeconds(1);
        });
    }
}

[CollectionDefinition(Name)]
public sealed class WebhookClusterCollection : ICollectionFixture<WebhookClusterFixture>
{
    public const string Name = "webhook cluster";
}
