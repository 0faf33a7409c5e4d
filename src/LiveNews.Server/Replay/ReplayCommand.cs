using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using HdrHistogram;
using System.Text;
using System.Text.Json;
using LiveNews.Abstractions;
using LiveNews.Abstractions.Contracts;
using LiveNews.Grains.Stories;
using LiveNews.Server.Demo;
using LiveNews.Server.Hosting;
using LiveNews.Server.Ingestion;
using LiveNews.Stories;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;

namespace LiveNews.Server.Replay;

/// <summary>
/// <c>replay --input FILE --output FILE [--concurrency N] [--rate R]</c>: starts the embedded silo
/// in-process, sends each line of an article JSONL file through the real grain pipeline (in order, or N at
/// a time with versions of one entry in order; at R versions a second when given), waits until the
/// "stories" stream has delivered every event, writes the events as JSONL in input order and prints a
/// summary to standard error: counts, versions per second, and in-to-out latency percentiles.
/// </summary>
public static class ReplayCommand
{
    private static readonly TimeSpan StreamDrainTimeout = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        var (options, error) = ReplayOptions.Parse(args);
        if (options is null)
        {
            await stderr.WriteLineAsync(error);
            return 2;
        }

        if (options.Input != "-" && !File.Exists(options.Input))
        {
            await stderr.WriteLineAsync($"replay: input file not found: {options.Input}");
            return 2;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args.Where(a => a.Contains('=', StringComparison.Ordinal)).ToArray(),
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration[$"{SiloOptions.Section}:SiloPort"] ??= "0";
        builder.Configuration[$"{SiloOptions.Section}:GatewayPort"] ??= "0";
        if (builder.Configuration[$"{SiloOptions.Section}:SiloPort"] == "11111")
        {
            builder.Configuration[$"{SiloOptions.Section}:SiloPort"] = "0";
            builder.Configuration[$"{SiloOptions.Section}:GatewayPort"] = "0";
        }

        // Standard output may carry the events: every log line goes to standard error, and only problems.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning";
        builder.Configuration["Logging:LogLevel:Polly"] = "Error";
        builder.Configuration["Logging:LogLevel:Orleans"] = "Error";
        builder.Configuration[LiveNewsSiloExtensions.OrleansDashboardKey] = "false";
        builder.AddLiveNewsSilo();
        builder.Services.AddSingleton<ArticleIngestor>();
        using var host = builder.Build();
        await host.StartAsync(cancellationToken);
        try
        {
            return await ReplayAsync(host.Services, options, stdout, stderr, cancellationToken);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<int> ReplayAsync(IServiceProvider services, ReplayOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        var client = services.GetRequiredService<IClusterClient>();
        var ingestor = services.GetRequiredService<ArticleIngestor>();
        var time = services.GetRequiredService<TimeProvider>();

        // Every event must come out of the "stories" stream: the replay checks the stream, not just the calls.
        // Each event with when it first came out (a redelivered one keeps its first arrival).
        var delivered = new ConcurrentDictionary<(string? StoryId, long Sequence), (StoryEvent Event, long ArrivedAt)>();
        var stream = client.GetStreamProvider(StreamNames.Provider)
            .GetStream<StoryEvent>(StreamId.Create(StreamNames.StoriesNamespace, StreamNames.AllStoriesKey));
        var subscription = await stream.SubscribeAsync((evt, _) =>
        {
            delivered.TryAdd((evt.StoryId, evt.Sequence), (evt, time.GetTimestamp()));
            return Task.CompletedTask;
        });

        // Lanes: versions of one entry go to the same lane, so they stay in order; lanes run side by side.
        var results = new ConcurrentDictionary<long, (long Due, ImmutableArray<StoryEvent> Events)>();
        var lanes = Enumerable.Range(0, options.Concurrency).Select(_ => Channel.CreateBounded<(long Line, long Due, ArticleVersion Article)>(64)).ToArray();
        var workers = lanes.Select(lane => Task.Run(async () =>
        {
            await foreach (var (line, due, article) in lane.Reader.ReadAllAsync(cancellationToken))
            {
                results[line] = (due, await ingestor.IngestAsync(article));
            }
        }, cancellationToken)).ToArray();

        // A warm node, as a running server is: the first version does not pay for compiling and loading.
        await StoryPipelineWarmup.WarmUpAsync(
            client, services.GetRequiredService<IOptions<StoryEngineOptions>>().Value, new DemoOptions().ReadSample(time.GetUtcNow()), time, services.GetRequiredService<Orleans.Serialization.Serializer>());

        var versions = 0;
        var rejected = 0;
        var started = time.GetTimestamp();
        var collectionsBefore = GarbageCollections.Now();
        using var pauses = new GcPauseListener();
        try
        {
            using var reader = options.Input == "-" ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8) : new StreamReader(options.Input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            long line = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } text)
            {
                line++;
                if (string.IsNullOrWhiteSpace(text))
                {
                    continue;
                }

                var parsed = ArticleJson.ParseLine(text, line, time.GetUtcNow());
                if (parsed.Article is null)
                {
                    rejected++;
                    results[line] = (0, [new StoryEvent { Type = StoryEventType.Rejected, Line = line, Reason = parsed.Reason, At = time.GetUtcNow() }]);
                    continue;
                }

                // Offered on schedule at the given rate (latency counts from then), else at once.
                var due = options.Rate is { } rate ? started + (long)(versions / rate * time.TimestampFrequency) : time.GetTimestamp();
                var wait = (due - time.GetTimestamp()) / (double)time.TimestampFrequency;
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait), time, cancellationToken);
                }

                versions++;
                var lane = lanes[(StringComparer.Ordinal.GetHashCode(parsed.Article.Id) & int.MaxValue) % lanes.Length];
                await lane.Writer.WriteAsync((line, due, parsed.Article), cancellationToken);
            }
        }
        finally
        {
            foreach (var lane in lanes)
            {
                lane.Writer.TryComplete();
            }
        }

        await Task.WhenAll(workers);
        var output = results.OrderBy(r => r.Key).SelectMany(r => r.Value.Events).ToList();
        var expected = output.Where(e => e.Type != StoryEventType.Rejected).Select(e => (e.StoryId, e.Sequence)).ToList();
        var drained = await WaitForStreamAsync(delivered, expected, time, cancellationToken);
        var elapsed = time.GetElapsedTime(started);
        var collections = (GarbageCollections.Now() - collectionsBefore) with { Pauses = pauses.Stop() };
        await subscription.UnsubscribeAsync();
        var latency = Latency(results.Values, delivered, started, time);

        var writer = options.Output == "-" ? stdout : new StreamWriter(options.Output, append: false, new UTF8Encoding(false));
        try
        {
            foreach (var evt in output)
            {
                var written = evt.Type != StoryEventType.Rejected && delivered.TryGetValue((evt.StoryId, evt.Sequence), out var came) ? came.Event : evt;
                await writer.WriteLineAsync(JsonSerializer.Serialize(written, LiveNewsJson.Options));
            }
        }
        finally
        {
            if (!ReferenceEquals(writer, stdout))
            {
                await writer.DisposeAsync();
            }
            else
            {
                await writer.FlushAsync(cancellationToken);
            }
        }

        var stories = CountLiveStories(output);
        var events = output.Count;
        var delivery = (Expected: expected.Count, Delivered: expected.Count(delivered.ContainsKey));

        // What the node keeps for its stories (grains, their stored state, the index, the event log), without
        // this command's own record of the run: the managed heap after a full collection.
        (output, expected) = ([], []);
        results.Clear();
        delivered.Clear();
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        var quiet = options.Settle ? await QuietHeapAsync(client, services, stderr, cancellationToken) : 0;
        var summary = new ReplaySummary(versions, rejected, stories, events, elapsed.TotalSeconds) { Latency = latency, Collections = collections, HeapBytes = heap, QuietHeapBytes = quiet };
        await stderr.WriteLineAsync(summary.ToString());
        if (!drained)
        {
            await stderr.WriteLineAsync($"replay: the stories stream delivered {delivery.Delivered} of {delivery.Expected} events");
            return 1;
        }

        return 0;
    }

    /// <summary>
    /// The heap of the node once its stories have gone quiet: every idle grain collected (a story grain's
    /// state stays in storage), then the index shards woken again, as they are on a running node.
    /// </summary>
    /// <remarks>
    /// Collecting a hundred thousand grains takes longer than a call may (30 s): a call that times out
    /// leaves the collection going, and the next call finds fewer grains. After <see cref="SettleAttempts"/>
    /// such calls the run's summary is still written, without the quiet heap.
    /// </remarks>
    private static async Task<long> QuietHeapAsync(IClusterClient client, IServiceProvider services, TextWriter stderr, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero, cancellationToken);
                break;
            }
            catch (TimeoutException) when (attempt < SettleAttempts)
            {
                await stderr.WriteLineAsync($"replay: still collecting idle grains (call {attempt} timed out), asking again");
            }
            catch (TimeoutException)
            {
                await stderr.WriteLineAsync($"replay: idle grains were still being collected after {SettleAttempts} calls; no quiet heap");
                return 0;
            }
        }

        await StoryPipelineWarmup.WakeIndexAsync(client, services.GetRequiredService<IOptions<StoryEngineOptions>>().Value);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>Calls to collect idle grains before <c>--settle</c> gives up (each may take a call's 30 s).</summary>
    private const int SettleAttempts = 20;

    /// <summary>
    /// In-to-out latency of each version: from when it was offered to when the last of its events came out
    /// of the "stories" stream (HdrHistogram, microsecond resolution); null when nothing was ingested.
    /// </summary>
    /// <param name="results">Each line's offer time and events (a rejected line has no offer time and no latency).</param>
    /// <param name="delivered">When each event came out of the stream.</param>
    /// <param name="started">The run's start: what "the first second" counts from.</param>
    /// <param name="time">The clock the time stamps come from.</param>
    internal static LatencyPercentiles? Latency(
        ICollection<(long Due, ImmutableArray<StoryEvent> Events)> results,
        IReadOnlyDictionary<(string? StoryId, long Sequence), (StoryEvent Event, long ArrivedAt)> delivered,
        long started,
        TimeProvider time)
    {
        var histogram = new LongHistogram(TimeSpan.FromHours(1).Ticks / 10, 3);

        // The same without the versions offered in the run's first second, when a cold node's first calls
        // (stream, storage, code not yet compiled at full speed) queue the rest behind them.
        var settled = new LongHistogram(TimeSpan.FromHours(1).Ticks / 10, 3);
        foreach (var (due, events) in results)
        {
            var last = events.Where(e => e.Type != StoryEventType.Rejected)
                .Select(e => delivered.TryGetValue((e.StoryId, e.Sequence), out var came) ? came.ArrivedAt : 0)
                .DefaultIfEmpty(0)
                .Max();
            if (last > 0)
            {
                var microseconds = (long)time.GetElapsedTime(due, last).TotalMicroseconds;
                histogram.RecordValue(Math.Clamp(microseconds, 0, histogram.HighestTrackableValue));
                if (time.GetElapsedTime(started, due) >= TimeSpan.FromSeconds(1))
                {
                    settled.RecordValue(Math.Clamp(microseconds, 0, settled.HighestTrackableValue));
                }
            }
        }

        return histogram.TotalCount == 0 ? null : new LatencyPercentiles(
            histogram.GetValueAtPercentile(50) / 1000.0,
            histogram.GetValueAtPercentile(99) / 1000.0,
            histogram.GetMaxValue() / 1000.0)
        {
            P99AfterFirstSecond = settled.TotalCount == 0 ? null : settled.GetValueAtPercentile(99) / 1000.0,
        };
    }

    /// <summary>Stories at the end of the run: every story id seen, less those merged into another.</summary>
    private static int CountLiveStories(List<StoryEvent> events)
    {
        var ids = events.Where(e => e.StoryId is not null).Select(e => e.StoryId!).ToHashSet(StringComparer.Ordinal);
        foreach (var merge in events.Where(e => e.Type == StoryEventType.StoriesMerged && e.Absorbed is not null))
        {
            ids.ExceptWith(merge.Absorbed!.Value);
        }

        return ids.Count;
    }

    private static async Task<bool> WaitForStreamAsync(
        ConcurrentDictionary<(string?, long), (StoryEvent, long)> delivered,
        List<(string?, long)> expected,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + StreamDrainTimeout;
        while (!expected.TrueForAll(delivered.ContainsKey))
        {
            if (time.GetUtcNow() > deadline)
            {
                return false;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), time, cancellationToken);
        }

        return true;
    }
}
