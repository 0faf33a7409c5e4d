using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LiveNews.Server.Tests.Events;
using LiveNews.Server.Tests.Feeds;
using LiveNews.Tests.Shared;

namespace LiveNews.Server.Tests.Hosting;

/// <summary>
/// Scale-out as operators run it: three LiveNews.Server processes in the Redis profile against a real
/// redis-server on loopback. 2,000 article versions go in through one silo's API while another silo is
/// killed with SIGKILL midway; afterwards every version has exactly one event, the stories hold every
/// version, the survivors poll the dead silo's feeds within a minute, and an SSE client that reconnects
/// to another silo with Last-Event-ID misses nothing.
/// </summary>
public sealed class FailoverTests
{
    private const int VersionCount = 2000;
    private const int FeedCount = 12;
    private const int BatchSize = 20;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ThreeSilos_OneKilledMidway_NoVersionEventOrFeedIsLost()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var feedServer = await LoopbackFeedServer.StartAsync();
        var tag = "fo" + Guid.NewGuid().ToString("N")[..6];
        var settings = new Dictionary<string, string>
        {
            ["LiveNews__Feeds__AllowPrivateAddresses"] = "true",
            ["LiveNews__Feeds__Schedule__MinInterval"] = "00:00:03",
            ["LiveNews__Feeds__Schedule__DefaultInterval"] = "00:00:04",
            ["LiveNews__Feeds__Schedule__MaxInterval"] = "00:00:05",

            // Story grains let go of their state after every call and read it back from Redis for the next.
            ["LiveNews__Stories__StoryStateHoldTime"] = "00:00:00",
        };
        var silos = new List<SiloProcess>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                silos.Add(await SiloProcess.StartAsync(redis.ConnectionString, "failover-" + tag, settings, Ct));
            }

            var entry = silos[0];

            // Feeds, subscribed through the entry silo; random placement spreads their readers over all three.
            var feedPaths = Enumerable.Range(0, FeedCount).Select(i => $"/{tag}/feed{i}.xml").ToList();
            foreach (var (path, i) in feedPaths.Select((p, i) => (p, i)))
            {
                feedServer.Set(path, Rss(tag, i));
                using var subscribed = await entry.Client.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { url = feedServer.Url(path).ToString(), source = $"{tag} feed {i}" }, Ct);
                Assert.True(subscribed.IsSuccessStatusCode, await subscribed.Content.ReadAsStringAsync(Ct));
            }

            await Eventually.TrueAsync(() => feedPaths.All(p => RequestsOf(feedServer, p).Count >= 2), "every feed polled twice", TimeSpan.FromMinutes(1), Ct);

            // The victim: of the two silos that do not take the articles, the one polling more feeds.
            var pollers = await FeedSilosAsync(entry.Client, tag);
            var victim = silos[1..].MaxBy(s => pollers.Count(p => p.Value.EndsWith($":{s.SiloPort}", StringComparison.Ordinal)))!;
            var other = silos[1..].Single(s => s != victim);
            var victimFeeds = pollers.Where(p => p.Value.EndsWith($":{victim.SiloPort}", StringComparison.Ordinal)).Select(p => p.Key).ToList();
            Assert.NotEmpty(victimFeeds);

            // Two SSE clients: one on the entry silo for the whole run, one on the other silo that leaves midway.
            await using var all = await SseCollector.OpenAsync(entry.Client, "/api/events", null, Ct);
            var early = await SseCollector.OpenAsync(other.Client, "/api/events", null, Ct);

            var versions = ArticleVersions(tag);
            var retried = new ConcurrentDictionary<string, int>();
            await PostAsync(entry.Client, versions[..(VersionCount / 2)], retried);

            // The early client has seen some events; it disconnects and will come back to the entry silo.
            await Eventually.TrueAsync(() => early.Count > 0, "events on the other silo", TimeSpan.FromMinutes(1), Ct);
            var earlyEvents = early.Snapshot();
            var lastSeen = earlyEvents[^1].Id;
            await early.DisposeAsync();

            var killedAt = DateTimeOffset.UtcNow;
            victim.Kill();
            await PostAsync(entry.Client, versions[(VersionCount / 2)..], retried);

            // Every version has its event (after the dead silo's stream queue and grains moved).
            var posted = versions.GroupBy(v => v.Id).ToDictionary(g => g.Key, g => g.Count());
            List<string> Missing()
            {
                var counts = all.Snapshot().Where(e => e.ArticleId is not null && e.Type != "Duplicate").GroupBy(e => e.ArticleId!).ToDictionary(g => g.Key, g => g.Count());
                return [.. posted.Where(p => counts.GetValueOrDefault(p.Key) < p.Value).Select(p => p.Key)];
            }

            try
            {
                await Eventually.TrueAsync(() => Missing().Count == 0, "an event for every version", TimeSpan.FromMinutes(3), Ct);
            }
            catch (TimeoutException)
            {
                var missing = Missing();
                var example = all.Snapshot().Where(e => e.ArticleId is not null && e.ArticleId.StartsWith(missing[0], StringComparison.Ordinal));
                Assert.Fail($"{missing.Count} article ids lack events (of {posted.Count}; {all.Count} events seen), e.g. {string.Join(", ", missing.Take(5))}; {missing[0]} has {string.Join(", ", example.Select(e => e.ArticleId + " " + e.Type))}");
            }

            var events = all.Snapshot();

            // Exactly one event per version: repeats only as Duplicate, and only for lines the client sent again.
            foreach (var (id, count) in posted)
            {
                var mine = events.Where(e => e.ArticleId == id).ToList();
                Assert.True(count == mine.Count(e => e.Type != "Duplicate"), $"{id}: {count} versions posted ({retried.GetValueOrDefault(id)} sent again), events: {string.Join("; ", mine.Select(e => $"{e.Type} {e.StoryId} #{e.Sequence}"))}");
                Assert.True(mine.Count(e => e.Type == "Duplicate") <= retried.GetValueOrDefault(id), $"{id}: a Duplicate it was not sent again for");
            }

            // The SSE client saw each event once, and each story's sequence has no gap.
            Assert.Equal(events.Count, events.Select(e => e.Id).Distinct().Count());
            foreach (var story in events.GroupBy(e => e.StoryId))
            {
                Assert.Equal(Enumerable.Range(1, story.Count()).Select(i => (long)i), story.Select(e => e.Sequence).Order());
            }

            // Story state is intact: each story (or the one it merged into) holds every version that joined it.
            var survivorOf = events.Where(e => e.Type == "StoriesMerged").SelectMany(e => e.Absorbed.Select(a => (a, e.StoryId))).ToDictionary(x => x.a, x => x.StoryId);
            string Final(string id) => survivorOf.TryGetValue(id, out var s) ? Final(s) : id;
            var expected = events.Where(e => e.ArticleId is not null && e.Type != "Duplicate").GroupBy(e => Final(e.StoryId));
            foreach (var story in expected)
            {
                var snapshot = await other.Client.GetFromJsonAsync<JsonObject>(new Uri($"/api/stories/{Uri.EscapeDataString(story.Key)}", UriKind.Relative), Ct);
                var held = snapshot!["versions"]!.AsArray().Select(v => (string)v!["articleId"]!).ToHashSet(StringComparer.Ordinal);
                Assert.All(story, e => Assert.Contains(e.ArticleId!, held));
            }

            // The survivors poll every feed, the dead silo's too, within a minute of the kill.
            await Eventually.TrueAsync(
                () => feedPaths.All(p => RequestsOf(feedServer, p).Any(at => at > killedAt)),
                "every feed polled after the kill", TimeSpan.FromMinutes(1) - (DateTimeOffset.UtcNow - killedAt), Ct);
            var gaps = victimFeeds.Select(url => RequestsOf(feedServer, new Uri(url).AbsolutePath).First(at => at > killedAt) - killedAt).ToList();
            TestContext.Current.SendDiagnosticMessage($"failover: {events.Count} events; {victimFeeds.Count} feeds on the killed silo, polled again after {gaps.Min().TotalSeconds:F1} to {gaps.Max().TotalSeconds:F1} s; lines sent again: {retried.Values.Sum()}");
            var after = await FeedSilosAsync(entry.Client, tag);
            Assert.Equal(FeedCount, after.Count);
            Assert.DoesNotContain(after.Values, silo => silo.EndsWith($":{victim.SiloPort}", StringComparison.Ordinal));

            // The early client comes back to another silo with its Last-Event-ID and gets everything it missed.
            await using var resumed = await SseCollector.OpenAsync(entry.Client, "/api/events", lastSeen, Ct);
            var seen = earlyEvents.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
            await Eventually.TrueAsync(() => events.All(e => seen.Contains(e.Id) || resumed.Ids.Contains(e.Id)), "every missed event after resuming", TimeSpan.FromSeconds(30), Ct);
        }
        catch
        {
            foreach (var (silo, i) in silos.Select((s, i) => (s, i)))
            {
                TestContext.Current.SendDiagnosticMessage($"silo {i} (whole log: livenews-failover-silo-{i}.log in the temporary folder):\n{silo.Output[^Math.Min(silo.Output.Length, 4000)..]}");
            }

            throw;
        }
        finally
        {
            foreach (var (silo, i) in silos.Select((s, i) => (s, i)))
            {
                await silo.DisposeAsync();
                await File.WriteAllTextAsync(Path.Combine(Path.GetTempPath(), $"livenews-failover-silo-{i}.log"), silo.Output, CancellationToken.None);
            }
        }
    }

    private static List<DateTimeOffset> RequestsOf(LoopbackFeedServer server, string path)
    {
        lock (server.Requests)
        {
            return server.Requests.Where(r => r.Path == path).Select(r => r.At).ToList();
        }
    }

    /// <summary>This test's feeds (by URL) and the silo that polls each (its Orleans address, which ends with its port).</summary>
    private static async Task<Dictionary<string, string>> FeedSilosAsync(HttpClient client, string tag)
    {
        var feeds = await client.GetFromJsonAsync<JsonArray>(new Uri("/api/feeds", UriKind.Relative), Ct);
        return feeds!.Select(f => ((string)f!["url"]!, (string?)f["silo"] ?? ""))
            .Where(f => f.Item1.Contains(tag, StringComparison.Ordinal))
            .ToDictionary(f => f.Item1, f => SiloEndpoint(f.Item2));
    }

    /// <summary>"S127.0.0.1:11111:123456789" (address, port, generation) as "127.0.0.1:11111".</summary>
    private static string SiloEndpoint(string address) =>
        address.Split(':') is [var host, var port, _] ? host.TrimStart('S') + ":" + port : address;

    private static string Rss(string tag, int i) =>
        $"<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>{tag} feed {i}</title><link>http://feeds.example/{i}</link>"
        + $"<item><guid>{tag}-{i}-1</guid><title>Harbour crane number {i} of {tag} port collapses in storm</title><link>http://feeds.example/{i}/1</link>"
        + "<pubDate>Tue, 18 Feb 2025 08:30:00 GMT</pubDate><description>A harbour crane collapsed in a storm overnight; nobody was hurt, the port authority said.</description></item>"
        + "</channel></rss>";

    /// <summary>
    /// 2,000 versions from the labelled dev streams: every article once, then second and third versions
    /// (the same id with a new paragraph) until there are enough, in that order.
    /// </summary>
    private static List<(string Id, string Json)> ArticleVersions(string tag)
    {
        var articles = new[] { "wikinews-dev.jsonl", "ecbplus-dev.jsonl" }
            .SelectMany(name => File.ReadLines(Fixtures.Path("corpus", "stories-dev", name)))
            .Where(line => line.Length > 0)
            .Select(line => JsonNode.Parse(line)!.AsObject())
            .ToList();
        var versions = new List<(string, string)>();
        for (var version = 1; versions.Count < VersionCount; version++)
        {
            foreach (var article in articles.TakeWhile(_ => versions.Count < VersionCount))
            {
                var copy = article.DeepClone().AsObject();
                var id = $"{tag}-{copy["id"]}";
                copy["id"] = id;
                if (version > 1)
                {
                    // A rewrite: one more sentence in the lead paragraph (a new paragraph could read as a second article on the page).
                    var text = (string)copy["text"]!;
                    var lead = text.IndexOf('\n', StringComparison.Ordinal) is var end and > 0 ? end : text.Length;
                    copy["text"] = $"{text[..lead]} Officials said on day {version} that a further {version * 7} witnesses would be heard.{text[lead..]}";
                }

                versions.Add((id, copy.ToJsonString()));
            }
        }

        return versions;
    }

    /// <summary>Posts the versions in order, in batches; lines the cluster could not take (503, or no answer) go again.</summary>
    private static async Task PostAsync(HttpClient client, List<(string Id, string Json)> versions, ConcurrentDictionary<string, int> retried)
    {
        foreach (var batch in versions.Chunk(BatchSize))
        {
            var toSend = batch.ToList();
            for (var attempt = 0; toSend.Count > 0; attempt++)
            {
                Assert.True(attempt < 100, "the cluster never took the batch");
                if (attempt > 0)
                {
                    foreach (var (id, _) in toSend)
                    {
                        retried.AddOrUpdate(id, 1, (_, n) => n + 1);
                    }

                    await Task.Delay(TimeSpan.FromMilliseconds(500), Ct); // back off before sending again
                }

                try
                {
                    using var content = new StringContent(string.Join('\n', toSend.Select(v => v.Json)), Encoding.UTF8, "application/x-ndjson");
                    using var response = await client.PostAsync(new Uri("/api/articles", UriKind.Relative), content, Ct);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        toSend.Clear();
                    }
                    else if (response.StatusCode == HttpStatusCode.ServiceUnavailable)
                    {
                        var answer = await response.Content.ReadFromJsonAsync<JsonObject>(Ct);
                        var failed = answer!["failed"]!.AsArray().Select(f => (int)f!["line"]!).ToList();
                        Assert.NotEmpty(failed);
                        toSend = failed.Select(line => toSend[line - 1]).ToList();
                    }
                    else
                    {
                        Assert.Fail($"POST /api/articles answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !Ct.IsCancellationRequested)
                {
                    // No answer: the whole batch goes again (what went in comes back as Duplicate).
                }
            }
        }
    }

    /// <summary>One event as an SSE client saw it.</summary>
    private sealed record SeenEvent(string Id, string Type, string StoryId, long Sequence, string? ArticleId, string[] Absorbed);

    /// <summary>Reads an SSE stream in the background (with <see cref="SseReader"/>) and keeps every event.</summary>
    private sealed class SseCollector : IAsyncDisposable
    {
        private readonly SseReader _reader;
        private readonly List<SeenEvent> _events = [];
        private readonly Task _reading;

        private SseCollector(SseReader reader)
        {
            _reader = reader;
            _reading = Task.Run(ReadAsync);
        }

        public int Count
        {
            get
            {
                lock (_events)
                {
                    return _events.Count;
                }
            }
        }

        public HashSet<string> Ids => Snapshot().Select(e => e.Id).ToHashSet(StringComparer.Ordinal);

        public static async Task<SseCollector> OpenAsync(HttpClient client, string path, string? lastEventId, CancellationToken cancellationToken) =>
            new(await SseReader.OpenAsync(client, path, lastEventId, cancellationToken));

        public List<SeenEvent> Snapshot()
        {
            lock (_events)
            {
                return [.. _events];
            }
        }

        private async Task ReadAsync()
        {
            try
            {
                while (await _reader.NextAsync(Timeout.InfiniteTimeSpan) is { } sse)
                {
                    if (sse.Id is null)
                    {
                        continue;
                    }

                    using var json = JsonDocument.Parse(sse.Data);
                    var root = json.RootElement;
                    var seen = new SeenEvent(
                        sse.Id,
                        root.GetProperty("type").GetString()!,
                        root.GetProperty("storyId").GetString()!,
                        root.GetProperty("sequence").GetInt64(),
                        root.TryGetProperty("articleId", out var article) ? article.GetString() : null,
                        root.TryGetProperty("absorbed", out var absorbed) ? [.. absorbed.EnumerateArray().Select(a => a.GetString()!)] : []);
                    lock (_events)
                    {
                        _events.Add(seen);
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException or ObjectDisposedException or OperationCanceledException)
            {
                // Closed by the test, or the connection ended.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _reader.DisposeAsync(); // ends the read under way
            await _reading;
        }
    }
}
