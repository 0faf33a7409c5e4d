using System.Net.Http.Json;
using System.Text.Json;
using LiveNews.Server.Events;
using Microsoft.Extensions.DependencyInjection;

namespace LiveNews.Server.Tests.Events;

[Collection(ServerCollection.Name)]
public class EventsApiTests(ServerFixture server)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    private async Task<string> PostAsync(HttpClient client, string id, string title, string text)
    {
        var response = await client.PostAsJsonAsync(new Uri("/api/articles", UriKind.Relative), new[] { new { id, source = "wire", title, text } }, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var evt = json.RootElement.GetProperty("events").EnumerateArray().Last();
        return $"{evt.GetProperty("storyId").GetString()}/{evt.GetProperty("sequence").GetInt64()}";
    }

    private static string Quake(string tag) => $"A magnitude 6 earthquake struck {tag} province early on Monday, officials in the {tag} region said, and rescuers searched collapsed buildings.";

    [Fact]
    public async Task Resume_WithLastEventId_ReturnsExactlyTheMissedEvents()
    {
        using var client = server.CreateAuthorizedClient();
        var tag = "Resume" + Guid.NewGuid().ToString("N")[..8];
        var first = await PostAsync(client, tag + "-1", $"Quake hits {tag}1 province", Quake(tag + "1"));
        var second = await PostAsync(client, tag + "-2", $"Floods swamp {tag}2 valley", $"Floods swamped the {tag}2 valley after days of rain, and the {tag}2 river burst its banks.");
        var third = await PostAsync(client, tag + "-3", $"Fire destroys {tag}3 market", $"A fire destroyed the {tag}3 market overnight; the {tag}3 fire brigade fought the blaze for hours.");

        // The log holds them once the relay has seen them.
        var log = server.Services.GetRequiredService<RecentEventLog>();
        using (var timeout = new CancellationTokenSource(Wait))
        {
            while (log.After(first).All(e => e.Id != third) && !timeout.IsCancellationRequested)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }

        // Exactly what the log holds after the first event (the second and the third, and nothing else).
        var missed = log.After(first).Select(e => (string?)e.Id).ToList();
        Assert.Equal([second, third], missed.Where(id => id == second || id == third));
        using var reader = server.CreateClient();
        await using var sse = await SseReader.OpenAsync(reader, "/api/events", lastEventId: first, TestContext.Current.CancellationToken);
        var replayed = new List<string?>();
        for (var i = 0; i < missed.Count; i++)
        {
            replayed.Add((await sse.NextAsync(Wait))?.Id);
        }

        Assert.Equal(missed, replayed);

        // Nothing else was missed: the next event is the next one posted.
        var fourth = await PostAsync(client, tag + "-4", $"Storm batters {tag}4 coast", $"A storm battered the {tag}4 coast, cutting power to the {tag}4 harbour.");
        var next = await sse.NextAsync(Wait);
        Assert.Equal(fourth, next?.Id);
        Assert.Equal("StoryCreated", next?.Type);
    }

    [Fact]
    public async Task Filters_StoryAndQuery_SelectEvents()
    {
        using var client = server.CreateAuthorizedClient();
        var tag = "Filter" + Guid.NewGuid().ToString("N")[..8];
        var target = await PostAsync(client, tag + "-a", $"Quake hits {tag}A province", Quake(tag + "A"));
        var storyId = target.Split('/')[0];

        using var reader = server.CreateClient();
        await using var byStory = await SseReader.OpenAsync(reader, $"/api/events?story={storyId}", cancellationToken: TestContext.Current.CancellationToken);
        using var reader2 = server.CreateClient();
        await using var byQuery = await SseReader.OpenAsync(reader2, $"/api/events?q={tag}Z", cancellationToken: TestContext.Current.CancellationToken);

        await PostAsync(client, tag + "-b", $"Floods swamp {tag}B valley", $"Floods swamped the {tag}B valley after days of rain.");
        var update = await PostAsync(client, tag + "-a", $"Quake hits {tag}A province", Quake(tag + "A") + $" The death toll rose to 41, the {tag}A governor said.");
        var z = await PostAsync(client, tag + "-z", $"Bridge collapses in {tag}Z town", $"A bridge collapsed in {tag}Z town, injuring 12 people, police in {tag}Z said.");

        // Every event on the story stream is of that story, and the update is among them.
        var seen = new List<SseEvent>();
        while (await byStory.NextAsync(TimeSpan.FromSeconds(2)) is { } evt)
        {
            seen.Add(evt);
            if (evt.Id == update)
            {
                break;
            }
        }

        Assert.All(seen, e => Assert.StartsWith(storyId + "/", e.Id, StringComparison.Ordinal));
        Assert.Contains("death toll rose to 41", Assert.Single(seen, e => e.Id == update).Data, StringComparison.Ordinal);

        // Only the event that mentions the query word reaches the query stream.
        var queryEvent = await byQuery.NextAsync(Wait);
        Assert.Equal(z, queryEvent?.Id);
        Assert.Null(await byQuery.NextAsync(TimeSpan.FromMilliseconds(500)));
    }

    [Fact]
    public async Task NewClient_GetsAReadyIdThatResumesFromNow()
    {
        using var client = server.CreateAuthorizedClient();
        var tag = "Ready" + Guid.NewGuid().ToString("N")[..8];
        using var http = server.CreateClient();
        using var response = await http.GetAsync(new Uri("/api/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);
        using var stream = new StreamReader(await response.Content.ReadAsStreamAsync(TestContext.Current.CancellationToken));
        string? readyId = null;
        while (readyId is null && await stream.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                readyId = line[4..];
            }
        }

        Assert.NotNull(readyId);
        var posted = await PostAsync(client, tag, $"Quake hits {tag} province", Quake(tag));
        await using var resumed = await SseReader.OpenAsync(http, "/api/events", lastEventId: readyId, TestContext.Current.CancellationToken);

        // Events that reached this node after the ready id (a previous test's, late) may come first; the posted one must follow.
        var ids = new List<string?>();
        while (await resumed.NextAsync(Wait) is { } evt)
        {
            ids.Add(evt.Id);
            if (evt.Id == posted)
            {
                break;
            }
        }

        Assert.Contains(posted, ids);
        Assert.DoesNotContain(readyId, ids);
    }

    [Fact]
    public async Task DropAll_EndsStreams_AndResumeMissesNothing()
    {
        using var client = server.CreateAuthorizedClient();
        var tag = "Drop" + Guid.NewGuid().ToString("N")[..8];
        using var reader = server.CreateClient();
        var sse = await SseReader.OpenAsync(reader, "/api/events", cancellationToken: TestContext.Current.CancellationToken);
        var first = await PostAsync(client, tag + "-1", $"Quake hits {tag}1 province", Quake(tag + "1"));
        while ((await sse.NextAsync(Wait))?.Id is { } id && id != first)
        {
        }

        server.Services.GetRequiredService<SseConnections>().DropAll();
        Assert.Null(await sse.NextAsync(Wait));
        await sse.DisposeAsync();

        var missed = await PostAsync(client, tag + "-2", $"Floods swamp {tag}2 valley", $"Floods swamped the {tag}2 valley after days of rain.");
        await using var resumed = await SseReader.OpenAsync(reader, "/api/events", lastEventId: first, TestContext.Current.CancellationToken);
        var ids = new List<string?>();
        while (await resumed.NextAsync(Wait) is { } evt)
        {
            ids.Add(evt.Id);
            if (evt.Id == missed)
            {
                break;
            }
        }

        Assert.Contains(missed, ids);
        Assert.DoesNotContain(first, ids);
    }
}
