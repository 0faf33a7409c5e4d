using System.Net.Http.Json;
using LiveNews.Server.Events;
using LiveNews.Server.Tests;
using LiveNews.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LiveNews.Dashboard.Tests;

[CollectionDefinition(Name)]
public sealed class DashboardCollection : ICollectionFixture<ServerFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "dashboard";
}

[Collection(DashboardCollection.Name)]
public class DashboardTests(ServerFixture server, BrowserFixture browser)
{
    /// <summary>
    /// How long a change may take to show: far above what it takes (well under a second), because CI
    /// runs every test project at once on two cores, and a wait is not a latency measurement.
    /// </summary>
    private static readonly float Eventually = 15_000;

    private async Task<IPage> OpenAsync()
    {
        var context = await browser.Require().NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(server.BaseAddress.ToString());
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Eventually });
        return page;
    }

    private async Task PostAsync(params object[] articles)
    {
        using var client = server.CreateAuthorizedClient();
        var response = await client.PostAsJsonAsync(new Uri("/api/articles", UriKind.Relative), articles, TestContext.Current.CancellationToken);
        response.EnsureSuccessStatusCode();
    }

    private static IEnumerable<object> Seeds(string prefix, params string[] ids)
    {
        var lines = File.ReadAllLines(Fixtures.SeedsJsonl)
            .Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .ToDictionary(e => e.GetProperty("id").GetString()!);
        foreach (var id in ids)
        {
            var e = lines[id];
            yield return new
            {
                id = prefix + id,
                source = e.GetProperty("source").GetString(),
                url = e.GetProperty("url").GetString(),
                published = e.GetProperty("published").GetString(),
                text = e.GetProperty("text").GetString(),
            };
        }
    }

    [Fact]
    public async Task StoryAppears_ThenItsNewFactIsHighlighted()
    {
        var page = await OpenAsync();
        var prefix = "ui-" + Guid.NewGuid().ToString("N")[..6] + "-";

        await PostAsync([.. Seeds(prefix, "004")]);
        var card = page.Locator(".story", new() { HasText = "US and Russian officials met on Tuesday in Riyadh" }).First;
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = Eventually });

        await PostAsync([.. Seeds(prefix, "000", "002", "003")]);
        await PostAsync([.. Seeds(prefix, "001")]);
        var fresh = page.Locator(".story.updated .fact.new", new() { HasText = "Zelensky" });
        await Assertions.Expect(fresh.First).ToBeVisibleAsync(new() { Timeout = Eventually });

        // The updated story stands first, and its page shows the timeline.
        await Assertions.Expect(page.Locator(".story").First).ToContainTextAsync("U.S.-Russia Talks in Saudi Arabia", new() { Timeout = Eventually });
        await page.Locator(".story").First.ClickAsync();
        await Assertions.Expect(page.Locator("#detail-versions li")).ToHaveCountAsync(5, new() { Timeout = Eventually });
        await Assertions.Expect(page.Locator("#detail-facts")).ToContainTextAsync("postponing his own planned visit");

        Directory.CreateDirectory(Path.Combine(Fixtures.RepositoryRoot, "docs"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Fixtures.RepositoryRoot, "docs", "dashboard.png") });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task DroppedConnection_Reconnects_AndMissesNothing()
    {
        var page = await OpenAsync();
        var tag = "Drop" + Guid.NewGuid().ToString("N")[..6];

        server.Services.GetRequiredService<SseConnections>().DropAll();
        await Assertions.Expect(page.Locator("#connection")).Not.ToHaveAttributeAsync("data-state", "live", new() { Timeout = Eventually });

        // Posted while the browser is disconnected: it must arrive after the reconnection.
        await PostAsync(new { id = tag, source = "wire", title = $"Volcano erupts near {tag} town", text = $"A volcano erupted near {tag} town overnight, forcing the evacuation of {tag} residents." });
        await Assertions.Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "live", new() { Timeout = Eventually });
        await Assertions.Expect(page.Locator(".story", new() { HasText = $"Volcano erupts near {tag} town" })).ToBeVisibleAsync(new() { Timeout = Eventually });
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task FeedsPanel_ShowsEachFeedsHealth()
    {
        await using var feeds = await LiveNews.Server.Tests.Feeds.LoopbackFeedServer.StartAsync();
        var tag = "Panel" + Guid.NewGuid().ToString("N")[..6];
        feeds.Set("/good.xml", $"<rss version=\"2.0\"><channel><title>{tag} Good Gazette</title><item><guid>p1</guid><title>Ferry sinks off {tag} island</title><description>A ferry sank off {tag} island; all 40 passengers were rescued.</description></item></channel></rss>");
        feeds.Set("/broken.xml", "<html>moved</html>");
        using var client = server.CreateAuthorizedClient();
        foreach (var path in new[] { "/good.xml", "/broken.xml" })
        {
            var response = await client.PostAsJsonAsync(new Uri("/api/feeds", UriKind.Relative), new { url = feeds.Url(path).ToString() }, TestContext.Current.CancellationToken);
            response.EnsureSuccessStatusCode();
        }

        // Both have been polled once before the page loads its panel.
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            while (feeds.Log.Select(l => l.Path).Distinct().Count() < 2 && !timeout.IsCancellationRequested)
            {
                await Task.Delay(50, TestContext.Current.CancellationToken);
            }
        }

        await Task.Delay(500, TestContext.Current.CancellationToken);
        var page = await OpenAsync();
        var good = page.Locator(".feed-list li", new() { HasText = $"{tag} Good Gazette" });
        await Assertions.Expect(good).ToBeVisibleAsync(new() { Timeout = Eventually });
        await Assertions.Expect(good.Locator(".health")).ToHaveAttributeAsync("data-state", "ok");
        var broken = page.Locator(".feed-list li", new() { HasText = "broken.xml" });
        await Assertions.Expect(broken.Locator(".health")).ToHaveAttributeAsync("data-state", "failing");
        await Assertions.Expect(broken).ToContainTextAsync("not a readable feed");
        await Assertions.Expect(page.Locator("#feeds-empty")).ToBeHiddenAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HostileMarkup_InFeedText_IsShownAsTextAndRunsNothing()
    {
        var page = await OpenAsync();
        var tag = "Xss" + Guid.NewGuid().ToString("N")[..6];
        var title = $"<script>window.__xss = 1</script><img src=x onerror=\"window.__xss = 2\"> {tag} headline";
        await PostAsync(new { id = tag, source = "<b>evil</b>", title, text = $"<img src=x onerror=\"window.__xss = 3\">Body of {tag} with a fact about the {tag} council and its 12 members." });

        var card = page.Locator(".story", new() { HasText = tag });
        await Assertions.Expect(card).ToBeVisibleAsync(new() { Timeout = Eventually });
        await Assertions.Expect(card.Locator(".headline")).ToContainTextAsync("<script>window.__xss = 1</script>");
        Assert.Equal(0, await card.Locator("img, script, b").CountAsync());

        await card.ClickAsync();
        await Assertions.Expect(page.Locator("#detail-headline")).ToContainTextAsync("<img src=x onerror=");
        Assert.Equal(0, await page.Locator("#detail img, #detail script").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss ?? null"));
        await page.Context.CloseAsync();
    }
}
