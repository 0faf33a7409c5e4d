using System.Net.Http.Json;
using System.Text.Json;
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
