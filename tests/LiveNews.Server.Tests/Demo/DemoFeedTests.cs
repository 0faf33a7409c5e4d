using System.Text.Json;
using LiveNews.Server.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace LiveNews.Server.Tests.Demo;

/// <summary>With no configuration at all, the bundled story arrives through a real local feed and develops.</summary>
public sealed class DemoFeedTests : IAsyncLifetime
{
    private WebApplication? _app;
    private Uri _address = null!;

    public async ValueTask InitializeAsync()
    {
        _app = LiveNewsApp.Build([], builder =>
        {
            // Only what a test must change: free ports and a quick demo. No API key, no feeds, no private addresses.
            builder.Configuration["LiveNews:Silo:SiloPort"] = "0";
            builder.Configuration["LiveNews:Silo:GatewayPort"] = "0";
            builder.Configuration["LiveNews:Demo:Interval"] = "00:00:00.300";
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await _app.StartAsync();
        _address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
    }

    [Fact]
    public async Task Demo_ServesTheSeedStoryAsAFeed_AndTheStoryDevelops()
    {
        using var client = new HttpClient { BaseAddress = _address, Timeout = TimeSpan.FromSeconds(30) };
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        JsonElement story = default;
        while (!timeout.IsCancellationRequested)
        {
            using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/stories", UriKind.Relative), TestContext.Current.CancellationToken));
            var top = list.RootElement.GetProperty("stories").EnumerateArray().FirstOrDefault(s => s.GetProperty("versionCount").GetInt32() >= 5);
            if (top.ValueKind == JsonValueKind.Object)
            {
                story = top.Clone();
                break;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Equal(JsonValueKind.Object, story.ValueKind);
        Assert.Equal(["LiveNews demo"], story.GetProperty("sources").EnumerateArray().Select(s => s.GetString()));

        // It came through the feed reader: the demo feed is subscribed and healthy.
        using var feeds = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/feeds", UriKind.Relative), TestContext.Current.CancellationToken));
        var feed = Assert.Single(feeds.RootElement.EnumerateArray());
        Assert.EndsWith("/demo/feed.xml", feed.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, feed.GetProperty("consecutiveFailures").GetInt32());
        Assert.Equal(5, feed.GetProperty("entriesSeen").GetInt32());

        var xml = await client.GetStringAsync(new Uri("/demo/feed.xml", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("<rss version=\"2.0\">", xml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfiguredFeeds_AreSubscribedAtStartUp_AndTheDemoStaysOff()
    {
        await using var feeds = await LiveNews.Server.Tests.Feeds.LoopbackFeedServer.StartAsync();
        feeds.Set("/configured.xml", "<rss version=\"2.0\"><channel><title>Configured Courier</title><item><guid>k1</guid><title>Levee breaks near Riverton</title><description>The levee broke near Riverton at dawn.</description></item></channel></rss>");
        var app = LiveNewsApp.Build([], builder =>
        {
            builder.Configuration["LiveNews:Silo:SiloPort"] = "0";
            builder.Configuration["LiveNews:Silo:GatewayPort"] = "0";
            builder.Configuration["LiveNews:Demo:Interval"] = "00:00:00.100";
            builder.Configuration["LiveNews:Feeds:AllowPrivateAddresses"] = "true";
            builder.Configuration["LiveNews:Feeds:Subscriptions:0:Url"] = feeds.Url("/configured.xml").ToString();
            builder.Configuration["LiveNews:Feeds:Subscriptions:0:Source"] = "courier";
            builder.Configuration["Logging:LogLevel:Default"] = "Warning";
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
            using var client = new HttpClient { BaseAddress = address };
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            JsonElement feed = default;
            while (!timeout.IsCancellationRequested)
            {
                using var list = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/feeds", UriKind.Relative), TestContext.Current.CancellationToken));
                var first = list.RootElement.EnumerateArray().FirstOrDefault();
                if (first.ValueKind == JsonValueKind.Object && first.GetProperty("entriesSeen").GetInt32() == 1)
                {
                    feed = first.Clone();
                    break;
                }

                await Task.Delay(100, TestContext.Current.CancellationToken);
            }

            Assert.Equal("Configured Courier", feed.GetProperty("title").GetString());
            using var feedsNow = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/feeds", UriKind.Relative), TestContext.Current.CancellationToken));
            Assert.Single(feedsNow.RootElement.EnumerateArray());
            Assert.DoesNotContain("/demo/feed.xml", feedsNow.RootElement.GetRawText(), StringComparison.Ordinal);
        }
        finally
        {
            await app.StopAsync(TestContext.Current.CancellationToken);
            await app.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
