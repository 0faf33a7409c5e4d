using LiveNews.Grains.Hosting;

namespace LiveNews.Grains.Health;

/// <summary>Answers readiness probes: a grain call that reads grain storage, so a probe fails when storage is unreachable.</summary>
public interface IHealthProbeGrain : IGrainWithStringKey
{
    Task CheckAsync();
}

/// <summary>Reads its (empty) state from the "stories" storage on every check.</summary>
public sealed class HealthProbeGrain([PersistentState("probe", LiveNewsGrainsHosting.StorageName)] IPersistentState<HealthProbeState> state) : Grain, IHealthProbeGrain
{
    public Task CheckAsync() => state.ReadStateAsync();
}

[GenerateSerializer, Alias("LiveNews.HealthProbeState")]
public sealed class HealthProbeState
{
    [Id(0)] public int Version { get; set; }
}
