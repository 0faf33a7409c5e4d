using LiveNews.Server.Hosting;
using LiveNews.Text.Memory;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LiveNews.Server.Tests.Hosting;

public class ManagedHeapPagesServiceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_AppliesTheMode_ThenAgainEveryInterval()
    {
        var time = new FakeTimeProvider();
        var applied = new List<HugePageMode>();
        using var service = Service(new RuntimeOptions { HugePages = HugePageMode.Collapse, HugePageInterval = TimeSpan.FromMinutes(1) }, time, applied);

        await service.StartAsync(Ct);
        Assert.Equal([HugePageMode.Collapse], applied);

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.Single(applied);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, applied.Count);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(3, applied.Count);

        await service.StopAsync(Ct);
        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(3, applied.Count);
    }

    [Fact]
    public async Task Off_NeverAsks()
    {
        var time = new FakeTimeProvider();
        var applied = new List<HugePageMode>();
        using var service = Service(new RuntimeOptions { HugePages = HugePageMode.Off }, time, applied);

        await service.StartAsync(Ct);
        time.Advance(TimeSpan.FromMinutes(10));
        await service.StopAsync(Ct);

        Assert.Empty(applied);
    }

    [Fact]
    public async Task Refused_KeepsRunning_AndAsksAgainLater()
    {
        // A system that refuses (huge pages off) is told once at start; the service neither throws nor stops.
        var time = new FakeTimeProvider();
        var calls = 0;
        using var service = new ManagedHeapPagesService(
            Options.Create(new RuntimeOptions { HugePages = HugePageMode.Advise, HugePageInterval = TimeSpan.FromSeconds(30) }),
            time,
            NullLogger<ManagedHeapPagesService>.Instance,
            mode => { calls++; return HugePageReport.NotDone(mode, "MADV_HUGEPAGE refused (EINVAL)"); });

        await service.StartAsync(Ct);
        Assert.Equal(1, calls);
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(2, calls);
        await service.StopAsync(Ct);
    }

    [Fact]
    public void RuntimeOptions_AreKnownConfiguration()
    {
        Assert.True(ConfigurationCatalog.IsKnown("LiveNews:Runtime:HugePages"));
        Assert.True(ConfigurationCatalog.IsKnown("LiveNews__Runtime__HugePageInterval"));
    }

    private static ManagedHeapPagesService Service(RuntimeOptions options, FakeTimeProvider time, List<HugePageMode> applied) =>
        new(Options.Create(options), time, NullLogger<ManagedHeapPagesService>.Instance, mode =>
        {
            applied.Add(mode);
            return new HugePageReport(mode, 1 << 30, 2 << 20, 2 << 20, null);
        });
}
