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
    private static IHost BuildHost(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.UseLocalhostClustering().AddLiveNewsGrains(builder.Configuration));
        return builder.Build();
    }

    private static TimeSpan StoryCollectionAge(Dictionary<string, string?> settings)
    {
        using var host = BuildHost(settings);
        var options = host.Services.GetRequiredService<IOptions<GrainCollectionOptions>>().Value;
        return options.ClassSpecificCollectionAge[typeof(StoryClusterGrain).FullName!];
    }

    private static TimeSpan StoryStateHoldTime(Dictionary<string, string?> settings)
    {
        using var host = BuildHost(settings);
        return host.Services.GetRequiredService<IOptions<StoryGrainOptions>>().Value.StoryStateHoldTime;
    }

    [Fact]
    public void StoryGrains_LetGoOfTheirStateAfterTenQuietSeconds_ByDefault()
    {
        Assert.Equal(TimeSpan.FromSeconds(10), StoryStateHoldTime([]));
    }

    [Fact]
    public void StoryGrains_StateHoldTime_IsConfigurable()
    {
        Assert.Equal(TimeSpan.FromMinutes(2), StoryStateHoldTime(new() { ["LiveNews:Stories:StoryStateHoldTime"] = "00:02:00" }));
        Assert.Equal(Timeout.InfiniteTimeSpan, StoryStateHoldTime(new() { ["LiveNews:Stories:StoryStateHoldTime"] = "-00:00:00.001" }));
    }

    [Fact]
    public void StoryGrains_LeaveMemoryAfterFiveIdleMinutes_ByDefault()
    {
        Assert.Equal(TimeSpan.FromMinutes(5), StoryCollectionAge([]));
    }

    [Fact]
    public void StoryGrains_IdleTimeout_IsConfigurable()
    {
        Assert.Equal(TimeSpan.FromMinutes(30), StoryCollectionAge(new() { ["LiveNews:Stories:StoryIdleTimeout"] = "00:30:00" }));
    }
}
