using LiveNews.Grains.Hosting;
using LiveNews.Grains.Stories;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;

namespace LiveNews.Grains.Tests.Stories;

/// <summary>Silo set-up shared by the clusters that make storage fail or shards journal.</summary>
public static class FaultySilo
{
    /// <summary>
    /// Puts a <see cref="FaultyGrainStorage"/> (over in-memory storage) in front of the grains' storage; the
    /// function returned gives it once the silo has built it.
    /// </summary>
    public static Func<FaultyGrainStorage> UseFaultyStorage(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        FaultyGrainStorage? storage = null;
        silo.AddMemoryGrainStorage("faulty-inner");
        silo.Services.AddKeyedSingleton<IGrainStorage>(LiveNewsGrainsHosting.StorageName, (services, _) =>
            storage ??= new FaultyGrainStorage(services.GetRequiredKeyedService<IGrainStorage>("faulty-inner")));
        return () => storage ?? throw new InvalidOperationException("the silo has not built its storage yet");
    }

    /// <summary>
    /// Index shards journal every change in <paramref name="journal"/> and write snapshots only when asked
    /// (SaveAsync) or deactivated: the journal holds everything meanwhile.
    /// </summary>
    public static void JournalEveryChange(this ISiloBuilder silo, InMemoryStoryIndexJournal journal)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<IStoryIndexJournal>(journal);
        silo.Services.Configure<StoryGrainOptions>(o => o.IndexSaveDelay = TimeSpan.FromHours(1));
    }
}
