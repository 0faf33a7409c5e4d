using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LiveNews.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public class StoriesApiTests(ServerFixture server)
{
    [Fact]
    public async Task GetStory_ReturnsVersionsAndFacts_AndListShowsIt()
    {
        using var client = server.CreateAuthorizedClient();
        var id = "story-" + Guid.NewGuid().ToString("N")[..6];
        var post = await client.PostAsJsonAsync(new Uri("/api/articles", UriKind.Relative), new[]
        {
            new
            {
                id,
                source = "wire",
                title = "Ferry capsizes off Indonesia's Sulawesi island " + id,
                text = "A ferry carrying 120 passengers capsized off the coast of Sulawesi island in Indonesia on Sunday, the national search and rescue agency said. Rescuers pulled 80 survivors from the water near the port of Makassar.",
            },
        }, TestContext.Current.CancellationToken);
        using var posted = JsonDocument.Parse(await post.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var storyId = posted.RootElement.GetProperty("events")[0].GetProperty("storyId").GetString()!;

        using var story = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/stories/{storyId}", UriKind.Relative), TestContext.Current.CancellationToken));
        var root = story.RootElement;
        Assert.Equal(storyId, root.GetProperty("summary").GetProperty("id").GetString());
        Assert.Equal(id, root.GetProperty("versions")[0].GetProperty("articleId").GetString());
        Assert.Contains(root.GetProperty("facts").EnumerateArray(), f => f.GetProperty("text").GetString()!.Contains("80 survivors", StringComparison.Ordinal));

        // The list hears of the story one-way: poll (bounded) until it shows.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var found = false;
        while (!found && !timeout.IsCancellationRequested)
        {
            using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/stories?take=200", UriKind.Relative), TestContext.Current.CancellationToken));
            found = list.RootElement.GetProperty("stories").EnumerateArray().Any(s => s.GetProperty("id").GetString() == storyId);
            if (!found)
            {
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }

        Assert.True(found);
    }

    [Fact]
    public async Task ListStories_FiltersByTextEntitySourceAndTime()
    {
        using var client = server.CreateAuthorizedClient();
        var tag = "Lst" + Guid.NewGuid().ToString("N")[..6];
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        var post = await client.PostAsJsonAsync(new Uri("/api/articles", UriKind.Relative), new object[]
        {
            new { id = tag + "-1", source = tag + "-wire", title = $"Mayor Ingrid {tag}son opens bridge", text = $"Mayor Ingrid {tag}son opened the new bridge over the river on Monday. Ingrid {tag}son said the bridge cost 40 million." },
            new { id = tag + "-2", source = "gazette", title = $"Storm floods {tag}ville harbour", text = $"A storm flooded the harbour of {tag}ville on Tuesday, and fishermen in {tag}ville lost 12 boats." },
        }, TestContext.Current.CancellationToken);
        post.EnsureSuccessStatusCode();

        async Task<List<string>> HeadlinesAsync(string query)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/stories?" + query, UriKind.Relative), TestContext.Current.CancellationToken));
                var headlines = json.RootElement.GetProperty("stories").EnumerateArray().Select(s => s.GetProperty("headline").GetString()!).ToList();
                if (headlines.Count > 0 || timeout.IsCancellationRequested)
                {
                    return headlines;
                }

                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
        }

        Assert.Equal([$"Storm floods {tag}ville harbour"], await HeadlinesAsync($"q={tag}ville+harbour"));

        // Paging: one at a time, latest first, with the total.
        using (var page = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/stories?take=1&skip=1", UriKind.Relative), TestContext.Current.CancellationToken)))
        {
            Assert.Single(page.RootElement.GetProperty("stories").EnumerateArray());
            Assert.True(page.RootElement.GetProperty("total").GetInt32() >= 2);
            Assert.Equal(1, page.RootElement.GetProperty("skip").GetInt32());
        }
        Assert.Equal([$"Mayor Ingrid {tag}son opens bridge"], await HeadlinesAsync($"entity=Ingrid+{tag}son"));
        Assert.Equal([$"Mayor Ingrid {tag}son opens bridge"], await HeadlinesAsync($"source={tag}-wire"));
        var since = Uri.EscapeDataString(before.ToString("O"));
        Assert.Contains($"Storm floods {tag}ville harbour", await HeadlinesAsync($"since={since}&take=200"));
        Assert.Empty(await HeadlinesAsync($"q={tag}&since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"))}"));
    }

    [Fact]
    public async Task OpenApi_AndReferencePage_AreServed()
    {
        using var client = server.CreateClient();
        var openApi = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("/api/stories", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/events", openApi, StringComparison.Ordinal);
        Assert.Contains("/api/feeds", openApi, StringComparison.Ordinal);
        var reference = await client.GetAsync(new Uri("/scalar", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
    }

    [Fact]
    public async Task GetStory_Unknown_Is404()
    {
        using var client = server.CreateClient();
        var response = await client.GetAsync(new Uri("/api/stories/s0000000000000000", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_AndReadiness_Answer()
    {
        using var client = server.CreateClient();
        Assert.Equal("ok", await client.GetStringAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Equal("ready", await client.GetStringAsync(new Uri("/readyz", UriKind.Relative), TestContext.Current.CancellationToken));
    }
}
