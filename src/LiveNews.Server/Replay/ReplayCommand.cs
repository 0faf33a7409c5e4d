using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using LiveNews.Abstractions;
using LiveNews.Abstractions.Contracts;
using LiveNews.Server.Hosting;
using LiveNews.Server.Ingestion;
using Orleans.Runtime;
using Orleans.Streams;

namespace LiveNews.Server.Replay;

/// <summary>
/// <c>replay --input FILE --output FILE</c>: starts the embedded silo in-process, sends each line of
/// an article JSONL file through the real grain pipeline in order, waits until the "stories" stream has
/// delivered every event, writes the events as JSONL and prints a summary to standard error.
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
        var delivered = new ConcurrentDictionary<(string? StoryId, long Sequence), StoryEvent>();
        var stream = client.GetStreamProvider(StreamNames.Provider)
            .GetStream<StoryEvent>(StreamId.Create(StreamNames.StoriesNamespace, StreamNames.AllStoriesKey));
        var subscription = await stream.SubscribeAsync((evt, _) =>
        {
            delivered[(evt.StoryId, evt.Sequence)] = evt;
            return Task.CompletedTask;
        });

        var output = new List<StoryEvent>();
        var versions = 0;
        var rejected = 0;
        var stopwatch = Stopwatch.StartNew();
        using (var reader = options.Input == "-" ? new StreamReader(Console.OpenStandardInput(), Encoding.UTF8) : new StreamReader(options.Input, Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
        {
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
                    output.Add(new StoryEvent { Type = StoryEventType.Rejected, Line = line, Reason = parsed.Reason, At = time.GetUtcNow() });
                    continue;
                }

                versions++;
                output.AddRange(await ingestor.IngestAsync(parsed.Article));
            }
        }

        var expected = output.Where(e => e.Type != StoryEventType.Rejected).Select(e => (e.StoryId, e.Sequence)).ToList();
        var drained = await WaitForStreamAsync(delivered, expected, time, cancellationToken);
        stopwatch.Stop();
        await subscription.UnsubscribeAsync();

        var writer = options.Output == "-" ? stdout : new StreamWriter(options.Output, append: false, new UTF8Encoding(false));
        try
        {
            foreach (var evt in output)
            {
                var written = evt.Type == StoryEventType.Rejected ? evt : delivered.GetValueOrDefault((evt.StoryId, evt.Sequence), evt);
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
        var summary = new ReplaySummary(versions, rejected, stories, output.Count, stopwatch.Elapsed.TotalSeconds);
        await stderr.WriteLineAsync(summary.ToString());
        if (!drained)
        {
            await stderr.WriteLineAsync($"replay: the stories stream delivered {expected.Count(delivered.ContainsKey)} of {expected.Count} events");
            return 1;
        }

        return 0;
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
        ConcurrentDictionary<(string?, long), StoryEvent> delivered,
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
