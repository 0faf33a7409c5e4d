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
    /// <summary>The options of type <typeparamref name="T"/> a silo configured with <paramref name="settings"/> resolves.</summary>
    private static T Resolved<T>(Dictionary<string, string?> settings)
        where T : class
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(silo => silo.UseLocalhostClustering().AddLiveNewsGrains(builder.Configuration));
        using var host = builder.Build();
        return host.Services.GetRequiredService<IOptions<T>>().Value;
    }

    private static TimeSpan StoryCollectionAge(Dictionary<string, string?> settings) =>
        Resolved<GrainCollectionOptions>(settings).ClassSpecificCollectionAge[typeof(StoryClusterGrain).FullName!];

    private static TimeSpan StoryStateHoldTime(Dictionary<string, string?> settings) =>
        Resolved<StoryGrainOptions>(settings).StoryStateHoldTime;

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
