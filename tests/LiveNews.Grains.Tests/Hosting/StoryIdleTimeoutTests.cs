using LiveNews.Grains.Hosting;
using LiveNews.Grains.Stories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace LiveNews.Grains.Tests.Hosting;

public class StoryIdleTimeoutTests
{
    private static TimeSpan StoryCollectionAge(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.UseLocalhostClustering().AddLiveNewsGrains(builder.Configuration));
        using var host = builder.Build();
        var options = host.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;
        return options.ClassSpecificCollectionAge[typeof(StoryClusterGrain).FullName!];
    }

    [Fact]
    public void StoryGrains_LeaveMemoryAfterFiveIdleMinutes_ByDefault()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), StoryCollectionAge([]));
    }

    [Fact]
    public void StoryGrains_IdleTimeout_IsConfigurable()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), StoryCollectionAge(new() { [LiveNewsGrainsHosting.StoryIdleTimeoutKey] = "00:30:00" }));
    }
}
