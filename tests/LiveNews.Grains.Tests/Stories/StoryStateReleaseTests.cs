using System.Collections.Concurrent;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Grains.Stories;
using LiveNews.Stories.Tests;
using LiveNews.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiveNews.Grains.Tests.Stories;

/// <summary>
/// A cluster whose story grains let go of their state as soon as a call ends. It records every call to the
/// in-memory grain storage (method and store key) and every story grain's log line, so a test sees each
/// release, read and write.
/// </summary>
public sealed class ReleasingStoryClusterFixture : ClusterFixture
{
    public ConcurrentQueue<(string Method, string Key)> StorageCalls { get; } = new();

    public ConcurrentQueue<string> StoryLog { get; } = new();

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.LetStoriesGoAtOnce(StoryLog);
        silo.AddOutgoingGrainCallFilter(context =>
        {
            if (context.InterfaceName.Contains("MemoryStorageGrain", StringComparison.Ordinal)
                && context.Request.GetArgument(0) is string key)
            {
                // Generic methods are named with their type parameters ("ReadStateAsync<T>").
                var method = context.MethodName.Split('<')[0];
                if (method is "ReadStateAsync" or "WriteStateAsync")
                {
                    StorageCalls.Enqueue((method, key));
                }
            }

            return context.Invoke();
        });
    }
}

/// <summary>Silo set-up shared by the clusters whose story grains are watched letting go of their state.</summary>
public static class StoryReleaseSilo
{
    /// <summary>Story grains let go of their state as soon as a call ends, and their log lines (debug included) go to <paramref name="storyLog"/>.</summary>
    public static void LetStoriesGoAtOnce(this ISiloBuilder silo, ConcurrentQueue<string> storyLog)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.Configure<StoryGrainOptions>(o => o.StoryStateHoldTime = TimeSpan.Zero);
        silo.Services.AddLogging(logging => logging
            .AddProvider(new RecordingLoggerProvider(typeof(StoryClusterGrain).FullName!, storyLog))
            .AddFilter<RecordingLoggerProvider>(typeof(StoryClusterGrain).FullName, LogLevel.Debug));
    }

    /// <summary>
    /// Collects every idle grain and returns once story <paramref name="storyId"/> has left memory. It waits for
    /// the first event in <paramref name="received"/> first: the memory stream's queue grains are collected too,
    /// and an event still waiting in one would be lost with it (memory streams keep nothing).
    /// </summary>
    public static async Task LeaveMemoryAsync(IClusterClient client, ConcurrentQueue<StoryEvent> received, ConcurrentQueue<string> storyLog, string storyId, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(received);
        ArgumentNullException.ThrowIfNull(storyLog);
        await Eventually.TrueAsync(() => !received.IsEmpty, "the first event on the stream", cancellationToken: cancellation);
        await client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, cancellation);
        await Eventually.TrueAsync(() => storyLog.Contains($"Story {storyId} left memory"), "the story to leave memory", cancellationToken: cancellation);
    }
}

/// <summary>Records the formatted lines one logger category writes.</summary>
public sealed class RecordingLoggerProvider(string category, ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => categoryName == category ? new RecordingLogger(lines) : NullLogger.Instance;

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception));
    }
}

/// <summary>A story grain that let go of its state reads it back before its next version and tells the story as if it had kept it.</summary>
public class StoryStateReleaseTests(ReleasingStoryClusterFixture fixture) : IClassFixture<ReleasingStoryClusterFixture>
{
    private (string Method, string Key)[] CallsFor(string storyId) =>
        fixture.StorageCalls.Where(c => c.Key.Contains(storyId, StringComparison.Ordinal)).ToArray();

    [Fact]
    public async Task ReleasedStory_IsReadBackBeforeEachVersion_AndTellsTheReferenceScenario()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var prefix = "release-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var received = new ConcurrentQueue<StoryEvent>();
        var subscription = await StoryPipelineTests.CollectAsync(fixture.Client, prefix, received);
        var router = fixture.Client.GetGrain<IStoryRouterGrain>(0);

        var events = new List<StoryEvent>();
        string? storyId = null;
        var released = 0;
        foreach (var seed in CorpusReader.Seeds())
        {
            var callsBefore = storyId is null ? 0 : CallsFor(storyId).Length;
            var produced = await router.IngestAsync(StoryPipelineTests.ToVersion(seed, prefix));
            events.AddRange(produced);
            var main = produced.Single(e => !e.ArticleId!.Contains('#', StringComparison.Ordinal));
            if (storyId is null)
            {
                storyId = main.StoryId!;
            }
            else
            {
                // The story had let go of its state: it read it back before it took this version, then wrote the version.
                var calls = CallsFor(storyId)[callsBefore..].Select(c => c.Method).ToList();
                Assert.Equal("ReadStateAsync", calls.FirstOrDefault());
                Assert.Contains("WriteStateAsync", calls.Skip(1));
            }

            // Once the call is over the story lets go of its state, after writing the emptied outbox (the version's
            // write still listed its event): that write is the last.
            await Eventually.TrueAsync(
                () => fixture.StoryLog.Count(l => l == $"Story {storyId} was quiet: let go of its state") == released + 1,
                "the story to let go of its state", cancellationToken: cancellation);
            released++;
            Assert.Equal("WriteStateAsync", CallsFor(storyId)[^1].Method);
        }

        // It read its state back before each version after the first, and wrote twice per version: the version
        // with its event, then (held for no time at all here) the emptied outbox as it let go.
        Assert.NotNull(storyId);
        Assert.Equal(4, fixture.StoryLog.Count(l => l == $"Story {storyId} read its state back"));
        Assert.Equal(10, CallsFor(storyId).Count(c => c.Method == "WriteStateAsync"));

        // The reference outcomes, as with the state held: one story, gap-free sequences, the two other articles of 003 apart.
        var mainEvents = events.Where(e => !e.ArticleId!.Contains('#', StringComparison.Ordinal)).ToList();
        Assert.Equal(5, mainEvents.Count);
        Assert.All(mainEvents, e => Assert.Equal(storyId, e.StoryId));
        Assert.Equal([1L, 2, 3, 4, 5], mainEvents.Select(e => e.Sequence));
        Assert.DoesNotContain(events.Where(e => e.ArticleId!.Contains('#', StringComparison.Ordinal)), e => e.StoryId == storyId);

        // 001 still tells Zelensky's postponed visit as news: the facts read back from storage knew nothing of it.
        var update = mainEvents.Single(e => e.ArticleId == prefix + "001");
        var rank = update.NewFacts.ToList().FindIndex(f => f.Text.Contains("Zelensky", StringComparison.Ordinal)
            && f.Text.Contains("postpon", StringComparison.OrdinalIgnoreCase));
        Assert.InRange(rank, 0, 2);

        // Each version's event reached the stream once: the release published nothing again.
        await Eventually.TrueAsync(() => received.Count >= events.Count, "every event on the stream", cancellationToken: cancellation);
        Assert.Equal(events.Select(e => (e.StoryId, e.Sequence)).Order(), received.Select(e => (e.StoryId, e.Sequence)).Order());

        // A snapshot of a released story reads it back too, whole.
        var snapshot = await fixture.Client.GetGrain<IStoryClusterGrain>(storyId!).GetSnapshotAsync();
        Assert.NotNull(snapshot);
        Assert.Equal(5, snapshot.Summary.VersionCount);
        Assert.Equal(5, snapshot.Versions.Length);
        await subscription.UnsubscribeAsync();
    }

    [Fact]
    public async Task ReleasedStory_LeavingMemory_RecordsItsPublishedOutbox_SoItsNextActivationRepublishesNothing()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var prefix = "leave-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var received = new ConcurrentQueue<StoryEvent>();
        var subscription = await StoryPipelineTests.CollectAsync(fixture.Client, prefix, received);
        var router = fixture.Client.GetGrain<IStoryRouterGrain>(0);
        // Words of its own: on this cluster other tests tell other stories.
        var seed = MadeUpWords.Article(prefix);
        var opened = Assert.Single(await router.IngestAsync(seed));
        Assert.Equal(StoryEventType.StoryCreated, opened.Type);
        var storyId = opened.StoryId!;
        await Eventually.TrueAsync(() => fixture.StoryLog.Contains($"Story {storyId} was quiet: let go of its state"), "the story to let go of its state", cancellationToken: cancellation);

        // Letting go, the grain wrote the emptied outbox after publishing: its last storage call is that write.
        Assert.Equal("WriteStateAsync", CallsFor(storyId)[^1].Method);

        // So leaving memory costs it no storage call at all (it used to read the story back and write it).
        var callsBefore = CallsFor(storyId).Length;
        await StoryReleaseSilo.LeaveMemoryAsync(fixture.Client, received, fixture.StoryLog, storyId, cancellation);
        Assert.Equal(callsBefore, CallsFor(storyId).Length);

        // Woken again by the same version, it publishes only the version's own (duplicate) event: nothing from before comes out again.
        var again = Assert.Single(await router.IngestAsync(seed));
        Assert.Equal(StoryEventType.Duplicate, again.Type);
        await Eventually.TrueAsync(() => received.Count >= 2, "both events on the stream", cancellationToken: cancellation);
        Assert.Equal([(StoryEventType.StoryCreated, 1L), (StoryEventType.Duplicate, 2L)], received.Select(e => (e.Type, e.Sequence)));
        await subscription.UnsubscribeAsync();
    }
}
