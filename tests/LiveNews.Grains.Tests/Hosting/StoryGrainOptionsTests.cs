using LiveNews.Grains.Hosting;
using LiveNews.Grains.Stories;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace LiveNews.Grains.Tests.Hosting;

/// <summary>
/// What a silo's story grains and index shards resolve from configuration: how long story grains hold their
/// state and stay in memory, and how often index shards write snapshots (once a second where storage
/// outlives the silo, only on deactivation where it does not, unless configured otherwise).
/// </summary>
public class StoryGrainOptionsTests
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

    [Fact]
    public void IndexSaveDelay_Unset_IsASecondWithDurableStorageAndNoneInMemory()
    {
        var options = Resolved<StoryGrainOptions>([]);

        Assert.Null(options.IndexSaveDelay);
        Assert.Equal(TimeSpan.FromSeconds(1), options.IndexSaveDelayFor(storageIsInMemory: false));
        Assert.Null(options.IndexSaveDelayFor(storageIsInMemory: true));
    }

    [Fact]
    public void IndexSaveDelay_Configured_HoldsInEitherProfile()
    {
        var options = Resolved<StoryGrainOptions>(new() { ["LiveNews:Stories:IndexSaveDelay"] = "00:00:05" });

        Assert.Equal(TimeSpan.FromSeconds(5), options.IndexSaveDelayFor(storageIsInMemory: false));
        Assert.Equal(TimeSpan.FromSeconds(5), options.IndexSaveDelayFor(storageIsInMemory: true));
    }

    [Fact]
    public void IndexSaveDelay_Infinite_TurnsPeriodicSnapshotsOff()
    {
        var options = Resolved<StoryGrainOptions>(new() { ["LiveNews:Stories:IndexSaveDelay"] = "-00:00:00.001" });

        Assert.Null(options.IndexSaveDelayFor(storageIsInMemory: false));
        Assert.Null(options.IndexSaveDelayFor(storageIsInMemory: true));
    }
}
