using LiveNews.Tests.Shared;
using System.Collections.Concurrent;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Stories.Tests;

namespace LiveNews.Grains.Tests.Stories;

/// <summary>A cluster whose next publication on a memory stream fails, as if the silo died between writing a story and publishing its event.</summary>
public sealed class FailingPublishClusterFixture : ClusterFixture
{
    private static int _failNext;

    public static void FailNextPublication() => Interlocked.Exchange(ref _failNext, 1);

    protected override void ConfigureSilo(ISiloBuilder silo) => silo.AddOutgoingGrainCallFilter(context =>
    {
        if (context.InterfaceName.Contains("MemoryStreamQueue", StringComparison.Ordinal) && context.MethodName.StartsWith("Enqueue", StringComparison.Ordinal) && Interlocked.Exchange(ref _failNext, 0) == 1)
        {
            throw new InvalidOperationException("injected: the stream did not take the event");
        }

        return context.Invoke();
    });
}

/// <summary>An event written with its story but not published is published later, not lost.</summary>
public class StoryOutboxTests(FailingPublishClusterFixture fixture) : IClassFixture<FailingPublishClusterFixture>
{
    [Fact]
    public async Task FailedPublication_IsPublishedBeforeTheRetryAnswers()
    {
        var prefix = "outbox-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var received = new ConcurrentQueue<StoryEvent>();
        var subscription = await StoryPipelineTests.CollectAsync(fixture.Client, prefix, received);
        var router = fixture.Client.GetGrain<IStoryRouterGrain>(0);
        var seed = StoryPipelineTests.ToVersion(CorpusReader.Seeds()[0], prefix);

        FailingPublishClusterFixture.FailNextPublication();
        await Assert.ThrowsAnyAsync<Exception>(() => router.IngestAsync(seed));

        // The caller tries again: the story already has the version, and the event it had lost goes out first.
        var retry = await router.IngestAsync(seed);
        Assert.Equal(StoryEventType.Duplicate, retry[0].Type);

        await Eventually.TrueAsync(() => received.Count >= 2, "both events", TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken);

        Assert.Equal([StoryEventType.StoryCreated, StoryEventType.Duplicate], received.Select(e => e.Type).Take(2));
        Assert.Equal([1L, 2L], received.Select(e => e.Sequence).Take(2));
        await subscription.UnsubscribeAsync();
    }
}
