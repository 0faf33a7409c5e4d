namespace LiveNews.Grains.Tests.Stories;

/// <summary>
/// One silo whose index shards journal every change and write snapshots only when they deactivate, into a
/// storage that can refuse those writes (<see cref="FaultyGrainStorage"/>): a shard deactivated while its
/// writes fail comes back as after a crash, from its last stored snapshot and its journal. Four shards and
/// an engine that keeps related stories apart until an article bridges them (as <see cref="StrictClusterFixture"/>).
/// </summary>
public sealed class IndexCrashClusterFixture : ClusterFixture
{
    private Func<FaultyGrainStorage>? _storage;

    public InMemoryStoryIndexJournal Journal { get; } = new();

    public FaultyGrainStorage Storage => (_storage ?? throw new InvalidOperationException("the silo has not been configured yet"))();

    public const int Shards = 4;

    protected override short Silos => 1;

    protected override void ConfigureEngine(LiveNews.Stories.StoryEngineOptions options)
    {
        StrictClusterFixture.KeepRelatedStoriesApart(options);
        options.IndexShards = Shards;
    }

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.JournalEveryChange(Journal);
        _storage = silo.UseFaultyStorage();
    }
}
