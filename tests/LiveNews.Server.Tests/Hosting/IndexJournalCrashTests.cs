using System.Net.Http.Json;
using System.Text.Json;
using LiveNews.Stories.Tests.Fixtures;
using LiveNews.Tests.Shared;

namespace LiveNews.Server.Tests.Hosting;

/// <summary>
/// An index shard killed before it wrote its snapshot: the only silo of a Redis-profile cluster takes
/// the reference story's five versions (five articles, one story, and the two further articles of
/// seed 003's page), dies by SIGKILL, and a new process takes its place. With the shard's journal the
/// versions sent again are duplicates in their stories; without it (the control) the restored shard has
/// forgotten which story the joining articles went to, and one sent again first opens a second story.
/// </summary>
public sealed class IndexJournalCrashTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record PostedEvent(string Type, string StoryId, string? ArticleId);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Silo_KilledBeforeTheIndexSnapshot_ResentVersionsStayInTheirStory_OnlyWithTheJournal(bool journal)
    {
        await using var redis = await RedisServer.StartAsync();
        var clusterId = "journal-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string>
        {
            // No snapshot before the kill: what the shard knows afterwards comes from its journal alone.
            ["LiveNews__Stories__IndexSaveDelay"] = "01:00:00",
            ["LiveNews__Stories__IndexJournal"] = journal ? "true" : "false",
        };
        var prefix = "crash-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var versions = Seeds(prefix).ToList();

        var first = new List<PostedEvent>();
        int siloPort;
        await using (var silo = await SiloProcess.StartAsync(redis.ConnectionString, clusterId, settings, Ct))
        {
            foreach (var version in versions)
            {
                first.AddRange(await PostAsync(silo.Client, version));
            }

            siloPort = silo.SiloPort;
            silo.Kill();
        }

        // The story each article's version went to (a page's further parts are articles "id#n" of their own).
        var storyOf = first.Where(e => e.ArticleId is not null && e.Type != "Duplicate").ToDictionary(e => e.ArticleId!, e => e.StoryId);
        Assert.Equal(versions.Count + 2, storyOf.Count);
        Assert.True(storyOf.Values.Distinct().Count() < storyOf.Count, "some articles joined a story another article opened");

        // The successor takes the dead silo's address, as a container restarted in place does (on another
        // address it would wait half a minute for the dead one to stop counting, SiloRestartTests).
        // Sent again in the opposite order, so that an article which joined a story comes first: only
        // what the shard remembers can send it back there.
        await using var successor = await SiloProcess.StartAsync(redis.ConnectionString, clusterId, settings, Ct, siloPort);
        var again = new List<PostedEvent>();
        foreach (var version in Enumerable.Reverse(versions))
        {
            again.AddRange(await PostAsync(successor.Client, version));
        }

        var described = string.Join("; ", again.Select(e => $"{e.ArticleId} {e.Type} {e.StoryId}"));
        var kept = again.Where(e => e.ArticleId is not null).All(e => e.Type == "Duplicate" && storyOf.GetValueOrDefault(e.ArticleId!) == e.StoryId);
        if (journal)
        {
            Assert.True(kept, $"every version sent again is a duplicate in its story: {described}");
        }
        else
        {
            Assert.False(kept, $"without the journal some version sent again should land elsewhere: {described}");
        }
    }

    /// <summary>
    /// A merge journalled in Redis: two stories of Hurricane Sandy (the Caribbean, New York) that an article
    /// bridges are merged, the silo dies by SIGKILL before any snapshot, and its successor's shards replay
    /// the three assignments and both sides of the merge from Redis; a later New York version then goes to
    /// the survivor. (Without the merge's entries the shards replay three changes, and the merged story is
    /// live in its shard again; the version still ends in the survivor, which its grain forwards to, so the
    /// replayed count is what tells the two apart here; StoryIndexJournalMergeTests checks the shards' state.)
    /// </summary>
    [Fact]
    public async Task Silo_KilledAfterAMerge_ComesBackWithTheStoriesStillOne()
    {
        await using var redis = await RedisServer.StartAsync();
        var clusterId = "journal-merge-" + Guid.NewGuid().ToString("N")[..8];
        var settings = new Dictionary<string, string>
        {
            ["LiveNews__Stories__IndexSaveDelay"] = "01:00:00",
            ["LiveNews__Stories__IndexJournal"] = "true",

            // Related stories kept apart until an article bridges them (as the merge tests of the grains do).
            ["LiveNews__Stories__MatchThreshold"] = "0.5",
            ["LiveNews__Stories__MergeThreshold"] = "0.3",
            ["LiveNews__Stories__StoryMergeThreshold"] = "0.05",

            // The shards say what they replayed (an information line; the silo logs warnings and above).
            ["Logging__LogLevel__LiveNews.Grains.Stories.StoryIndexGrain"] = "Information",
        };
        var prefix = "merge-" + Guid.NewGuid().ToString("N")[..6] + "-";
        var t0 = new DateTimeOffset(2012, 10, 29, 12, 0, 0, TimeSpan.Zero);
        object Version(string id, string title, DateTimeOffset published, string text) =>
            new { id = prefix + id, source = id, title, published = published.ToString("O"), text };

        string survivor;
        int siloPort;
        await using (var silo = await SiloProcess.StartAsync(redis.ConnectionString, clusterId, settings, Ct))
        {
            var caribbean = Assert.Single(await PostAsync(silo.Client, Version("jm", "Hurricane Sandy batters Jamaica and Cuba", t0, SandyTexts.Caribbean)));
            var newYork = Assert.Single(await PostAsync(silo.Client, Version("ny", "Hurricane Sandy shuts New York subway", t0.AddHours(30), SandyTexts.NewYork)));
            var bridge = await PostAsync(silo.Client, Version("wrap", "Hurricane Sandy: from Jamaica and Cuba to New York", t0.AddHours(31),
                SandyTexts.Caribbean + "\n\n" + SandyTexts.NewYork));
            Assert.Equal("StoriesMerged", bridge[0].Type);
            Assert.NotEqual(caribbean.StoryId, newYork.StoryId);
            survivor = bridge[0].StoryId;
            siloPort = silo.SiloPort;
            silo.Kill();
        }

        await using var successor = await SiloProcess.StartAsync(redis.ConnectionString, clusterId, settings, Ct, siloPort);
        var late = await PostAsync(successor.Client, Version("ny-late", "Sandy: New York subway to reopen in part", t0.AddHours(40),
            SandyTexts.NewYork + "\n\nThe subway will reopen in part on Thursday, the governor said."));
        var described = string.Join("; ", late.Select(e => $"{e.ArticleId} {e.Type} {e.StoryId}"));
        var only = Assert.Single(late);
        Assert.True(only.Type is "StoryUpdated" or "VersionAttached" && only.StoryId == survivor, $"one event, in the survivor {survivor}: {described}");

        // Every shard woke for the version and logged what it replayed: three assignments, a detach and an absorb.
        var replayed = System.Text.RegularExpressions.Regex.Matches(successor.Output, @"replayed (\d+) journalled changes")
            .Sum(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(5, replayed);
    }

    private static async Task<List<PostedEvent>> PostAsync(HttpClient client, object version)
    {
        using var response = await client.PostAsJsonAsync(new Uri("/api/articles", UriKind.Relative), new[] { version }, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        return [.. json.RootElement.GetProperty("events").EnumerateArray().Select(e => new PostedEvent(
            e.GetProperty("type").GetString()!,
            e.GetProperty("storyId").GetString()!,
            e.TryGetProperty("articleId", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null))];
    }

    /// <summary>The reference scenario's five versions in seeds.jsonl order, with ids of this test.</summary>
    private static IEnumerable<object> Seeds(string prefix)
    {
        foreach (var line in File.ReadLines(Fixtures.SeedsJsonl))
        {
            using var doc = JsonDocument.Parse(line);
            var e = doc.RootElement;
            yield return new
            {
                id = prefix + e.GetProperty("id").GetString(),
                source = e.GetProperty("source").GetString(),
                url = e.GetProperty("url").GetString(),
                published = e.GetProperty("published").GetString(),
                text = e.GetProperty("text").GetString(),
            };
        }
    }
}
