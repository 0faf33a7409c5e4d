using System.Collections.Immutable;
using System.Text.Json;
using LiveNews.Abstractions.Contracts;
using LiveNews.Server.Replay;
using LiveNews.Tests.Shared;

namespace LiveNews.Server.Tests.Replay;

public class ReplayCommandTests
{
    [Fact]
    public async Task Replay_SeedsGiveOneEventPerVersionInOneStory_AndSplitPage003()
    {
        var output = Path.Combine(Path.GetTempPath(), "livenews-replay-" + Guid.NewGuid().ToString("N") + ".jsonl");
        var stderr = new StringWriter();
        try
        {
            var code = await ReplayCommand.RunAsync(["--input", Fixtures.SeedsJsonl, "--output", output], TextWriter.Null, stderr, TestContext.Current.CancellationToken);
            Assert.Equal(0, code);

            var all = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(["004", "000", "002", "003", "003#1", "003#2", "001"], all.Select(e => e.GetProperty("articleId").GetString()));

            // Exactly one event per input version, all in one story ...
            var events = all.Where(e => !e.GetProperty("articleId").GetString()!.Contains('#', StringComparison.Ordinal)).ToList();
            Assert.Equal(5, events.Count);
            var story = Assert.Single(events.Select(e => e.GetProperty("storyId").GetString()).Distinct());
            Assert.Equal("StoryCreated", events[0].GetProperty("type").GetString());
            Assert.All(events.Skip(1), e => Assert.Contains(e.GetProperty("type").GetString(), new[] { "StoryUpdated", "VersionAttached" }));

            // ... and the two other articles printed on page 003 open stories of their own.
            Assert.All(all.Where(e => e.GetProperty("articleId").GetString()!.StartsWith("003#", StringComparison.Ordinal)), e =>
            {
                Assert.Equal("StoryCreated", e.GetProperty("type").GetString());
                Assert.NotEqual(story, e.GetProperty("storyId").GetString());
            });
            Assert.Matches(@"article versions: 5, rejected lines: 0, stories: 3, events: 7, seconds: [0-9.]+, versions per second: [0-9.]+", stderr.ToString());
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Replay_BrokenLineYieldsRejectedAndTheRunGoesOn()
    {
        var input = Path.Combine(Path.GetTempPath(), "livenews-broken-" + Guid.NewGuid().ToString("N") + ".jsonl");
        var output = Path.ChangeExtension(input, ".events.jsonl");
        var lines = File.ReadAllLines(Fixtures.SeedsJsonl).ToList();
        lines.Insert(1, "{\"id\": \"broken\", \"text\": ");
        lines.Insert(3, "[\"not an object\"]");
        await File.WriteAllLinesAsync(input, lines, TestContext.Current.CancellationToken);
        try
        {
            var stderr = new StringWriter();
            var code = await ReplayCommand.RunAsync(["--input", input, "--output", output], TextWriter.Null, stderr, TestContext.Current.CancellationToken);
            Assert.Equal(0, code);

            var events = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            Assert.Equal(9, events.Count);
            var rejected = events.Where(e => e.GetProperty("type").GetString() == "Rejected").ToList();
            Assert.Equal([2L, 4L], rejected.Select(e => e.GetProperty("line").GetInt64()));
            Assert.All(rejected, e => Assert.False(string.IsNullOrEmpty(e.GetProperty("reason").GetString())));
            Assert.Equal(7, events.Count(e => e.TryGetProperty("articleId", out _)));
            Assert.Contains("rejected lines: 2", stderr.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    [Fact]
    public async Task Replay_Concurrently_KeepsEachEntrysVersionsInOrder_WritesInputOrder_AndReportsLatency()
    {
        var input = Path.Combine(Path.GetTempPath(), "livenews-generated-" + Guid.NewGuid().ToString("N") + ".jsonl");
        var output = Path.ChangeExtension(input, ".events.jsonl");
        var generated = new ArticleStreamGenerator(seed: 7).Generate(versions: 400, stories: 60).ToList();
        await File.WriteAllLinesAsync(input, generated.Select(a => a.ToJsonLine()), TestContext.Current.CancellationToken);
        try
        {
            var stderr = new StringWriter();
            var code = await ReplayCommand.RunAsync(["--input", input, "--output", output, "--concurrency", "8"], TextWriter.Null, stderr, TestContext.Current.CancellationToken);
            Assert.Equal(0, code);

            var all = File.ReadAllLines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
            var events = all.Where(e => e.TryGetProperty("articleId", out _)).ToList();
            var survivorOf = all.Where(e => e.GetProperty("type").GetString() == "StoriesMerged")
                .SelectMany(e => e.GetProperty("absorbed").EnumerateArray().Select(a => (Absorbed: a.GetString()!, Survivor: e.GetProperty("storyId").GetString()!)))
                .ToDictionary(m => m.Absorbed, m => m.Survivor);
            string Final(string id) => survivorOf.TryGetValue(id, out var next) ? Final(next) : id;

            // Input order: the main events name the input's ids in the input's order.
            var main = events.Where(e => !e.GetProperty("articleId").GetString()!.Contains('#', StringComparison.Ordinal)).ToList();
            Assert.Equal(generated.Select(a => a.Id), main.Select(e => e.GetProperty("articleId").GetString()));

            // Each entry's versions went in in order: its first version came first, so only the first is a new story or the first of its id.
            foreach (var entry in main.GroupBy(e => e.GetProperty("articleId").GetString()))
            {
                Assert.DoesNotContain(entry.Skip(1), e => e.GetProperty("type").GetString() == "StoryCreated");
                Assert.Single(entry.Select(e => Final(e.GetProperty("storyId").GetString()!)).Distinct()); // the same story, or the one it was merged into
            }

            Assert.Matches(@"article versions: 400, .*versions per second: [0-9.]+, latency ms p50: [0-9.]+, p99: [0-9.]+, max: [0-9.]+", stderr.ToString());
        }
        finally
        {
            File.Delete(input);
            File.Delete(output);
        }
    }

    [Theory]
    [InlineData("--concurrency", "0")]
    [InlineData("--concurrency", "many")]
    [InlineData("--rate", "-5")]
    [InlineData("--rate", "NaN")]
    public void Options_RefuseABadConcurrencyOrRate(string option, string value)
    {
        var (options, error) = ReplayOptions.Parse(["--input", "a.jsonl", "--output", "b.jsonl", option, value]);
        Assert.Null(options);
        Assert.Contains(option, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_ReadConcurrencyAndRate()
    {
        var (options, _) = ReplayOptions.Parse(["--input", "a.jsonl", "--output", "b.jsonl", "--concurrency", "8", "--rate", "200"]);
        Assert.Equal(8, options!.Concurrency);
        Assert.Equal(200, options.Rate);
        Assert.Equal(1, ReplayOptions.Parse(["-i", "a", "-o", "b"]).Options!.Concurrency);
    }

    [Fact]
    public async Task Replay_Settle_ReportsTheHeapOnceTheStoriesWentQuiet()
    {
        var output = Path.Combine(Path.GetTempPath(), "livenews-settle-" + Guid.NewGuid().ToString("N") + ".jsonl");
        var stderr = new StringWriter();
        try
        {
            Assert.True(ReplayOptions.Parse(["-i", "a", "-o", "b", "--settle"]).Options!.Settle);
            Assert.False(ReplayOptions.Parse(["-i", "a", "-o", "b"]).Options!.Settle);
            var code = await ReplayCommand.RunAsync(["--input", Fixtures.SeedsJsonl, "--output", output, "--settle"], TextWriter.Null, stderr, TestContext.Current.CancellationToken);
            Assert.Equal(0, code);
            var heap = System.Text.RegularExpressions.Regex.Match(stderr.ToString(), @"heap MiB: ([0-9]+) .*quiet heap MiB: ([0-9]+) \(([0-9.]+) KiB a story\)");
            Assert.True(heap.Success, stderr.ToString());
            Assert.True(int.Parse(heap.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) > 0);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void Summary_PrintsTheQuietHeapOnlyWhenMeasured()
    {
        var summary = new ReplaySummary(10, 0, 2, 10, 1.0) { HeapBytes = 4 * 1048576 };
        Assert.DoesNotContain("quiet heap", summary.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("heap MiB: 4 (2048.0 KiB a story), quiet heap MiB: 1 (512.0 KiB a story)", (summary with { QuietHeapBytes = 1048576 }).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_GivesTheP99AfterTheFirstSecond_WhenVersionsCameThen()
    {
        var summary = new ReplaySummary(10, 0, 2, 10, 1.0) { Latency = new LatencyPercentiles(9.5, 60.24, 280) };
        Assert.EndsWith("latency ms p50: 9.5, p99: 60.2, max: 280.0", summary.ToString(), StringComparison.Ordinal);

        var later = summary with { Latency = summary.Latency with { P99AfterFirstSecond = 44.76 } };
        Assert.EndsWith("p99: 60.2, max: 280.0, p99 after the first second: 44.8", later.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_GivesTheRunsCollectionsAndPauses_WhenMeasured()
    {
        var summary = new ReplaySummary(10, 0, 2, 10, 1.0) { HeapBytes = 1048576 };
        Assert.DoesNotContain("GC", summary.ToString(), StringComparison.Ordinal);

        var run = new GarbageCollections(130, 42, 3, 1_020.4) - new GarbageCollections(100, 32, 2, 272.0);
        Assert.Equal(new GarbageCollections(30, 10, 1, 748.4), run with { PauseMilliseconds = Math.Round(run.PauseMilliseconds, 1) });
        Assert.EndsWith(", GC gen0/1/2: 30/10/1, GC pauses ms: 748, heap MiB: 1 (512.0 KiB a story)", (summary with { Collections = run }).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_NamesTheLongestPauseOfEachGeneration_WhenListenedFor()
    {
        var run = new GarbageCollections(30, 10, 1, 748.4) { Pauses = new GcPauses([12.6, 29.2, 0.4], [300, 440, 0.4]) { LongestSuspension = 1.2 } };
        var summary = new ReplaySummary(10, 0, 2, 10, 1.0) { Collections = run };
        Assert.EndsWith(", GC gen0/1/2: 30/10/1, GC pauses ms: 748, longest GC pause ms gen0/1/2: 13/29/0 (threads stopped in 1 at most)", summary.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GcPauseListener_TimesAFullCollectionsPause()
    {
        using var listener = new GcPauseListener();

        // The runtime's events reach a listener a little after they happen: collect until one has arrived.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        GcPauses pauses;
        do
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true);
            await Task.Delay(50, TestContext.Current.CancellationToken);
            pauses = listener.Snapshot();
        }
        while (pauses.Total[2] == 0 && DateTime.UtcNow < deadline);

        Assert.True(pauses.Total[2] > 0, "no pause of a full collection was seen");
        Assert.True(pauses.Longest[2] > 0 && pauses.Longest[2] <= pauses.Total[2]);
        var stopped = listener.Stop();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        Assert.Equal(stopped.Total, listener.Stop().Total);
    }

    [Fact]
    public void GarbageCollections_Now_CountsACollectionAndItsPause()
    {
        var before = GarbageCollections.Now();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        var span = GarbageCollections.Now() - before;
        Assert.True(span.Gen2 >= 1, $"gen2 collections: {span.Gen2}");
        Assert.True(span.Gen0 >= span.Gen1 && span.Gen1 >= span.Gen2, $"{span}");
        Assert.True(span.PauseMilliseconds > 0, $"pause: {span.PauseMilliseconds}");
    }

    [Fact]
    public void Latency_AfterTheFirstSecond_CountsFromTheRunsStart_NotFromARejectedLine()
    {
        // A rejected line is kept with no offer time (0); the first second still counts from the run's start.
        var time = TimeProvider.System;
        var second = time.TimestampFrequency;
        var started = 100 * second;
        StoryEvent Event(string story) => new() { Type = StoryEventType.StoryCreated, StoryId = story, Sequence = 1 };
        var results = new List<(long Due, ImmutableArray<StoryEvent> Events)>
        {
            (0, [new StoryEvent { Type = StoryEventType.Rejected, Line = 1, Reason = "not JSON" }]),
            (started, [Event("slow")]),
            (started + 2 * second, [Event("fast")]),
        };
        var delivered = new Dictionary<(string?, long), (StoryEvent, long)>
        {
            [("slow", 1)] = (Event("slow"), started + second / 4),
            [("fast", 1)] = (Event("fast"), started + 2 * second + second / 100),
        };

        var latency = ReplayCommand.Latency(results, delivered, started, time);

        Assert.NotNull(latency);
        Assert.Equal(250, latency.Max, 0);
        Assert.NotNull(latency.P99AfterFirstSecond);
        Assert.Equal(10, latency.P99AfterFirstSecond.Value, 0);
    }

    [Fact]
    public async Task Replay_WithoutArguments_PrintsUsage()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, await ReplayCommand.RunAsync([], TextWriter.Null, stderr, TestContext.Current.CancellationToken));
        Assert.Contains("usage: replay --input", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replay_MissingInput_Fails()
    {
        var stderr = new StringWriter();
        Assert.Equal(2, await ReplayCommand.RunAsync(["--input", "/nonexistent/x.jsonl", "--output", "-"], TextWriter.Null, stderr, TestContext.Current.CancellationToken));
        Assert.Contains("not found", stderr.ToString(), StringComparison.Ordinal);
    }
}
