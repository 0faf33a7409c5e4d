using LiveNews.Grains.Hosting;
using LiveNews.Grains.Stories;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace LiveNews.Grains.Tests.Stories;

/// <summary>
/// One silo whose index shards journal every change and write snapshots only when they deactivate, into a
/// storage that can refuse those writes (<see cref="FaultyGrainStorage"/>): a shard deactivated while its
/// writes fail comes back as after a crash, from its last stored snapshot and its journal. Four shards and
/// an engine that keeps related stories apart until an article bridges them (as <see cref="StrictClusterFixture"/>).
/// </summary>
public sealed class IndexCrashClusterFixture : ClusterFixture
{
    private FaultyGrainStorage? _storage;

    public InMemoryStoryIndexJournal Journal { get; } = new();

    public FaultyGrainStorage Storage => _storage ?? throw new InvalidOperationException("the silo has not built its storage yet");

    public const int Shards = 4;

    protected override short Silos => 1;

    protected override void ConfigureEngine(LiveNews.Stories.StoryEngineOptions options)
    {
        options.MatchThreshold = 0.5;
        options.MergeThreshold = 0.3;
        options.StoryMergeThreshold = 0.05;
        options.IndexShards = Shards;
    }

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.Services.AddSingleton<IStoryIndexJournal>(Journal);
        silo.Services.Configure<StoryGrainOptions>(o => o.IndexSaveDelay = TimeSpan.FromHours(1));
        silo.AddMemoryGrainStorage("index-crash-inner");
        silo.Services.AddKeyedSingleton<IGrainStorage>(LiveNewsGrainsHosting.StorageName, (services, _) =>
            _storage ??= new FaultyGrainStorage(services.GetRequiredKeyedService<IGrainStorage>("index-crash-inner")));
    }
}
