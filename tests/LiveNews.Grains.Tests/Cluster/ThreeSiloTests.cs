using LiveNews.Tests.Shared;
using System.Text;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Feeds.Fetching;
using Microsoft.Extensions.DependencyInjection;

namespace LiveNews.Grains.Tests.Cluster;

/// <summary>Three silos whose feed readers fetch from <see cref="GeneratedFeeds"/>.</summary>
public sealed class ThreeSiloClusterFixture : ClusterFixture
{
    protected override short Silos => 3;

    protected override void ConfigureSilo(ISiloBuilder silo) => silo.Services.AddSingleton<IFeedFetcher, GeneratedFeeds>();
}

/// <summary>
/// Serves, for any URL, an RSS feed of one item about the story named by the URL's last segment, in
/// made-up words drawn from that name (so that no two feeds tell the same story).
/// </summary>
public sealed class GeneratedFeeds : IFeedFetcher
{
    public Task<FetchResult> FetchAsync(Uri url, FetchConditions conditions, CancellationToken cancellationToken)
    {
        var story = url.Segments[^1];
        var words = MadeUpWords.From(story, 12);
        var rss = $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{story} gazette</title>"
            + $"<item><guid>{story}-1</guid><title>{story} {words[0]} {words[1]} {words[2]}</title><link>http://gazette.example/{story}</link>"
            + $"<pubDate>Mon, 23 Nov 2026 09:00:00 GMT</pubDate><description>The {story} {string.Join(' ', words[3..9])} said. {string.Join(' ', words[9..])}.</description></item></channel></rss>";
        return Task.FromResult(new FetchResult { Outcome = FetchOutcome.Fetched, StatusCode = 200, Body = Encoding.UTF8.GetBytes(rss), ContentType = "application/rss+xml", FinalUrl = url });
    }
}

/// <summary>Feeds and stories spread over three silos, each with the right result.</summary>
public class ThreeSiloTests(ThreeSiloClusterFixture fixture) : IClassFixture<ThreeSiloClusterFixture>
{
    [Fact]
    public async Task FeedsAndStories_SpreadOverTheSilos_WithCorrectResults()
    {
        var names = Enumerable.Range(0, 18).Select(_ => "Zq" + Guid.NewGuid().ToString("N")[..8]).ToList();
        foreach (var name in names)
        {
            var feed = fixture.Client.GetGrain<IFeedReaderGrain>("f-" + name);
            await feed.SubscribeAsync(new FeedSubscription { Url = $"http://gazette.example/feeds/{name}", Source = name });
            await feed.PollNowAsync(); // the first poll (on subscription) may or may not have run yet
            var status = await feed.GetStatusAsync();
            Assert.Null(status!.LastError);
            Assert.Equal(1, status.EntriesSeen);
        }

        // Every feed's item opened a story of its own.
        var catalog = fixture.Client.GetGrain<IStoryCatalogGrain>(0);
        foreach (var name in names)
        {
            var page = await Eventually.ValueAsync( // the catalog is told one-way
                () => catalog.ListAsync(new StoryQuery { Text = name, Take = 5 }), p => p.Stories.Length > 0, $"the story of {name}", TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);

            var story = Assert.Single(page.Stories);
            Assert.True(story.Headline?.Contains(name, StringComparison.Ordinal) == true, $"{name}: {story.Headline}");
        }

        var statistics = await fixture.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics(null, null, TestContext.Current.CancellationToken);
        var feedSilos = statistics.Where(s => s.GrainId.ToString().StartsWith("feedreader/f-Zq", StringComparison.Ordinal)).Select(s => s.SiloAddress).Distinct().Count();
        var storySilos = statistics.Where(s => s.GrainId.ToString().StartsWith("storycluster/", StringComparison.Ordinal)).Select(s => s.SiloAddress).Distinct().Count();
        Assert.True(feedSilos >= 2, $"feed readers on {feedSilos} silo(s)");
        Assert.True(storySilos >= 2, $"story grains on {storySilos} silo(s)");
    }
}
