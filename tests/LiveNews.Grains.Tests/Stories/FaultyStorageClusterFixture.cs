using System.Collections.Concurrent;

namespace LiveNews.Grains.Tests.Stories;

/// <summary>
/// One silo whose story storage can lose a write's answer or fail writes (<see cref="FaultyGrainStorage"/>),
/// whose story grains let go of their state as soon as a call ends, and which records their log lines.
/// </summary>
public sealed class FaultyStorageClusterFixture : ClusterFixture
{
    private Func<FaultyGrainStorage>? _storage;

    public FaultyGrainStorage Storage => (_storage ?? throw new InvalidOperationException("the silo has not been configured yet"))();

    public ConcurrentQueue<string> StoryLog { get; } = new();

    protected override short Silos => 1;

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.LetStoriesGoAtOnce(StoryLog);
        _storage = silo.UseFaultyStorage();
    }
}
