using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace LiveNews.Server.Tests.Feeds;

[Collection(ServerCollection.Name)]
public class FeedsApiTests(ServerFixture server)
{
    internal static string Rss(string tag, params (string Guid, string Title, string Text)[] items) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><title>" + tag + " Gazette</title><link>http://gazette.example/</link>"
        + string.Concat(items.Select(i => $"<item><guid>{i.Guid}</guid><title>{i.Title}</title><link>http://gazette.example/{i.Guid}</link><pubDate>Tue, 18 Feb 2025 08:30:00 GMT</pubDate><description><![CDATA[<p>{i.Text}</p>]]></description></item>"))
        + "</channel></rss>";

    private async Task<JsonElement> StatusWhenPolledAsync(HttpClient client, string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/feeds/{id}", UriKind.Relative), TestContext.Current.CancellationToken));
            if (json.RootElement.TryGetProperty("lastPoll", out var lastPoll) && lastPoll.ValueKind != JsonValueKind.Null || timeout.IsCancellationRequested)
            {
                return json.RootElement.Clone();
            }

            await Task.Delay(50, TestContext.Current.CancellationToken);
        }
    }

    private static async Task<string> SubscribeAsync(HttpClient client, Uri url)
    {
        var response = await client.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { url = url.ToString(), source = "gazette" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return json.RootElement.GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Feed_NewEntriesBecomeStories_UnchangedGivesNothing_EditedGivesANewVersion()
    {
        await using var feeds = await LoopbackFeedServer.StartAsync();
        var tag = "Gz" + Guid.NewGuid().ToString("N")[..6];
        feeds.Set("/feed.xml", Rss(tag,
            ("a1", $"Bridge collapses in {tag}ville", $"A bridge collapsed in {tag}ville on Tuesday, injuring 12 people, the {tag}ville police said."),
            ("a2", $"Storm floods {tag}port harbour", $"A storm flooded the harbour of {tag}port, sinking 9 fishing boats.")));
        using var client = server.CreateAuthorizedClient();
        var id = await SubscribeAsync(client, feeds.Url("/feed.xml"));
        var status = await StatusWhenPolledAsync(client, id);
        Assert.Equal(2, status.GetProperty("entriesSeen").GetInt32());
        Assert.Equal(0, status.GetProperty("consecutiveFailures").GetInt32());
        Assert.False(string.IsNullOrEmpty(status.GetProperty("eTag").GetString()));

        using (var list = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/stories?q={tag}ville", UriKind.Relative), TestContext.Current.CancellationToken)))
        {
            Assert.Equal($"Bridge collapses in {tag}ville", Assert.Single(list.RootElement.GetProperty("stories").EnumerateArray()).GetProperty("headline").GetString());
        }

        // Unchanged: a conditional GET, 304, nothing new.
        var poll = await client.PostAsync(new Uri($"/api/feeds/{id}/poll", UriKind.Relative), null, TestContext.Current.CancellationToken);
        using (var json = JsonDocument.Parse(await poll.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
        {
            Assert.Equal(0, json.RootElement.GetProperty("newVersions").GetInt32());
        }

        Assert.Equal(304, feeds.Log.Last().Status);

        // Edited in place: a new version of that entry reaches its story with the new fact.
        feeds.Set("/feed.xml", Rss(tag,
            ("a1", $"Bridge collapses in {tag}ville", $"A bridge collapsed in {tag}ville on Tuesday, injuring 12 people, the {tag}ville police said. Two people died in hospital on Wednesday, the {tag}ville mayor said."),
            ("a2", $"Storm floods {tag}port harbour", $"A storm flooded the harbour of {tag}port, sinking 9 fishing boats.")));
        poll = await client.PostAsync(new Uri($"/api/feeds/{id}/poll", UriKind.Relative), null, TestContext.Current.CancellationToken);
        using (var json = JsonDocument.Parse(await poll.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)))
        {
            Assert.Equal(1, json.RootElement.GetProperty("newVersions").GetInt32());
        }

        using var story = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/stories?q={tag}ville", UriKind.Relative), TestContext.Current.CancellationToken));
        var storyId = Assert.Single(story.RootElement.GetProperty("stories").EnumerateArray()).GetProperty("id").GetString();
        using var detail = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/stories/{storyId}", UriKind.Relative), TestContext.Current.CancellationToken));
        Assert.Equal(2, detail.RootElement.GetProperty("versions").GetArrayLength());
        Assert.Contains(detail.RootElement.GetProperty("facts").EnumerateArray(), f => f.GetProperty("text").GetString()!.Contains("died in hospital", StringComparison.Ordinal));

        // The feed is listed with its health, and can be removed.
        var all = await client.GetStringAsync(new Uri("/api/feeds", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains(id, all, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync(new Uri($"/api/feeds/{id}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/feeds/{id}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task BrokenFeed_ShowsItsErrorAndDoesNotStopAnother()
    {
        await using var feeds = await LoopbackFeedServer.StartAsync();
        var tag = "Bk" + Guid.NewGuid().ToString("N")[..6];
        feeds.Set("/broken.xml", "<html><body>We moved!</body></html>");
        feeds.Set("/gone.xml", "", 410);
        feeds.Set("/good.xml", Rss(tag, ("g1", $"Volcano erupts near {tag}fjord", $"A volcano erupted near {tag}fjord overnight, the met office said.")));
        using var client = server.CreateAuthorizedClient();
        var broken = await SubscribeAsync(client, feeds.Url("/broken.xml"));
        var gone = await SubscribeAsync(client, feeds.Url("/gone.xml"));
        var good = await SubscribeAsync(client, feeds.Url("/good.xml"));

        var brokenStatus = await StatusWhenPolledAsync(client, broken);
        Assert.Contains("not a readable feed", brokenStatus.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.True(brokenStatus.GetProperty("consecutiveFailures").GetInt32() >= 1);
        var goneStatus = await StatusWhenPolledAsync(client, gone);
        Assert.True(goneStatus.GetProperty("paused").GetBoolean());
        var goodStatus = await StatusWhenPolledAsync(client, good);
        Assert.Equal(1, goodStatus.GetProperty("entriesSeen").GetInt32());
        Assert.Equal(JsonValueKind.Null, goodStatus.GetProperty("lastError").ValueKind);
    }

    [Fact]
    public async Task FullText_SummaryOnlyFeed_GetsTheArticleFromTheLinkedPage()
    {
        await using var feeds = await LoopbackFeedServer.StartAsync();
        var tag = "Ft" + Guid.NewGuid().ToString("N")[..6];
        var page = feeds.Url("/articles/1.html");
        feeds.Set("/summary.xml", $"<rss version=\"2.0\"><channel><title>{tag} Herald</title><item><guid>s1</guid><title>Tram derails in {tag}burg</title><link>{page}</link><pubDate>Tue, 18 Feb 2025 08:30:00 GMT</pubDate><description>A tram derailed.</description></item></channel></rss>");
        var paragraphs = string.Concat(Enumerable.Range(1, 6).Select(i =>
            $"<p>Paragraph {i} of the report: the tram left the rails near {tag}burg central station on Tuesday morning, and inspectors from the {tag}burg transport authority examined the track for several hours afterwards.</p>"));
        feeds.Set("/articles/1.html", $"<html><head><title>Tram derails in {tag}burg</title></head><body><nav><a href=\"/\">Home</a> | <a href=\"/world\">World</a></nav><article><h1>Tram derails in {tag}burg</h1>{paragraphs}<p>Nobody was hurt, but 14 passengers were taken to hospital as a precaution, the {tag}burg fire service said.</p></article><footer>Copyright Herald</footer></body></html>");

        using var client = server.CreateAuthorizedClient();
        var response = await client.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { url = feeds.Url("/summary.xml").ToString(), source = "herald", fullText = true }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        await StatusWhenPolledAsync(client, created.RootElement.GetProperty("id").GetString()!);

        using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/stories?q={tag}burg", UriKind.Relative), TestContext.Current.CancellationToken));
        var storyId = Assert.Single(list.RootElement.GetProperty("stories").EnumerateArray()).GetProperty("id").GetString();
        using var story = JsonDocument.Parse(await client.GetStringAsync(new Uri($"/api/stories/{storyId}", UriKind.Relative), TestContext.Current.CancellationToken));
        var facts = story.RootElement.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("text").GetString()!).ToList();
        Assert.Contains(facts, f => f.Contains("14 passengers were taken to hospital", StringComparison.Ordinal));
        Assert.DoesNotContain(facts, f => f.Contains("Copyright Herald", StringComparison.Ordinal));
        Assert.Contains(feeds.Log, l => l.Path == "/articles/1.html");
    }

    [Fact]
    public async Task Opml_ImportSubscribes_ExportListsThem()
    {
        await using var feeds = await LoopbackFeedServer.StartAsync();
        var tag = "Op" + Guid.NewGuid().ToString("N")[..6];
        feeds.Set("/one.xml", Rss(tag + "One", ("o1", $"Dam bursts near {tag}dale", $"A dam burst near {tag}dale, flooding 30 homes.")));
        feeds.Set("/two.xml", Rss(tag + "Two", ("t1", $"Wildfire reaches {tag}wood", $"A wildfire reached {tag}wood, forcing 200 people to leave.")));
        var opml = $"""<?xml version="1.0"?><opml version="2.0"><head><title>mine</title></head><body><outline text="News"><outline text="One" xmlUrl="{feeds.Url("/one.xml")}"/><outline text="Two" xmlUrl="{feeds.Url("/two.xml")}"/></outline><outline text="bad" xmlUrl="ftp://x.example/feed"/></body></opml>""";
        using var client = server.CreateAuthorizedClient();
        var response = await client.PostAsync(new Uri("/api/feeds/opml", UriKind.Relative), new StringContent(opml, System.Text.Encoding.UTF8, "text/x-opml"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var result = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(2, result.RootElement.GetProperty("subscribed").GetArrayLength());
        Assert.Contains("ftp://x.example/feed", Assert.Single(result.RootElement.GetProperty("rejected").EnumerateArray()).GetString(), StringComparison.Ordinal);

        var exported = await client.GetStringAsync(new Uri("/api/feeds/opml", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains(feeds.Url("/one.xml").ToString(), exported, StringComparison.Ordinal);
        Assert.Contains(feeds.Url("/two.xml").ToString(), exported, StringComparison.Ordinal);
        Assert.Equal(2, LiveNews.Feeds.Opml.OpmlDocument.Read(exported).Count(o => o.Url.StartsWith(feeds.BaseAddress.ToString(), StringComparison.Ordinal)));

        var broken = await client.PostAsync(new Uri("/api/feeds/opml", UriKind.Relative), new StringContent("<html/>"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, broken.StatusCode);
        foreach (var id in result.RootElement.GetProperty("subscribed").EnumerateArray())
        {
            await client.DeleteAsync(new Uri($"/api/feeds/{id.GetString()}", UriKind.Relative), TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task FeedCheck_PrintsWhatLiveNewsReads()
    {
        await using var feeds = await LoopbackFeedServer.StartAsync();
        feeds.Set("/check.xml", Rss("Check", ("c1", "Harbour crane collapses", "A crane collapsed in the harbour; nobody was hurt.")));
        var output = new StringWriter();
        var code = await LiveNews.Server.FeedCheck.FeedCheckCommand.RunAsync([feeds.Url("/check.xml").ToString(), "--allow-private"], output, TestContext.Current.CancellationToken);
        Assert.Equal(0, code);
        var text = output.ToString();
        Assert.Contains("format: Rss 2.0; title: Check Gazette", text, StringComparison.Ordinal);
        Assert.Contains("- [2025-02-18 08:30:00Z] Harbour crane collapses", text, StringComparison.Ordinal);
        Assert.Contains("id: c1; link: http://gazette.example/c1", text, StringComparison.Ordinal);

        var refused = new StringWriter();
        Assert.Equal(1, await LiveNews.Server.FeedCheck.FeedCheckCommand.RunAsync([feeds.Url("/check.xml").ToString()], refused, TestContext.Current.CancellationToken));
        Assert.Contains("loopback or private", refused.ToString(), StringComparison.Ordinal);

        var notAFeed = Path.GetTempFileName();
        await File.WriteAllTextAsync(notAFeed, "<html><body>hi</body></html>", TestContext.Current.CancellationToken);
        var fileOutput = new StringWriter();
        Assert.Equal(1, await LiveNews.Server.FeedCheck.FeedCheckCommand.RunAsync([notAFeed], fileOutput, TestContext.Current.CancellationToken));
        Assert.Contains("root element is <html>", fileOutput.ToString(), StringComparison.Ordinal);
        File.Delete(notAFeed);
    }

    [Fact]
    public async Task FeedFailingAgainAndAgain_IsPausedWithItsReason()
    {
        await using var feeds = await LoopbackFeedServer.StartAsync();
        feeds.Set("/always-broken.xml", "<html>down for maintenance</html>");
        using var client = server.CreateAuthorizedClient();
        var id = await SubscribeAsync(client, feeds.Url("/always-broken.xml"));
        await StatusWhenPolledAsync(client, id);
        JsonElement status = default;
        for (var i = 0; i < 25; i++)
        {
            var poll = await client.PostAsync(new Uri($"/api/feeds/{id}/poll", UriKind.Relative), null, TestContext.Current.CancellationToken);
            using var json = JsonDocument.Parse(await poll.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            status = json.RootElement.GetProperty("status").Clone();
            if (status.GetProperty("paused").GetBoolean())
            {
                break;
            }
        }

        Assert.True(status.GetProperty("paused").GetBoolean());
        Assert.StartsWith("paused after 20 failures in a row", status.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("nextPoll").ValueKind);
    }

    [Theory]
    [InlineData("ftp://example.com/feed")]
    [InlineData("not a url")]
    [InlineData("")]
    public async Task Subscribe_InvalidUrl_Is400(string url)
    {
        using var client = server.CreateAuthorizedClient();
        var response = await client.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { url }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Subscribe_WithoutApiKey_Is401()
    {
        using var client = server.CreateClient();
        var response = await client.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { url = "http://127.0.0.1:9/feed" }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
