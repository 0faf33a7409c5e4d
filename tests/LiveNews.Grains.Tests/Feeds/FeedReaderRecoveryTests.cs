using System.Text;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using LiveNews.Feeds.Fetching;
using LiveNews.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace LiveNews.Grains.Tests.Feeds;

/// <summary>
/// A cluster whose feed readers fetch a feed of three unrelated items, and whose story router refuses the
/// second article a feed sends while <see cref="FailSecondIngest"/> is armed: a poll that fails part-way, as
/// when the silo holding the story index dies in the middle of it.
/// </summary>
public sealed class FailingRouterClusterFixture : ClusterFixture
{
    private static int _ingests = -1;

    public static void FailSecondIngest() => Interlocked.Exchange(ref _ingests, 0);

    public static bool Failed => Volatile.Read(ref _ingests) >= 2;

    protected override void ConfigureSilo(ISiloBuilder silo)
    {
        silo.Services.AddSingleton<IFeedFetcher, ThreeItemFeeds>();
        silo.AddOutgoingGrainCallFilter(context =>
        {
            if (context.InterfaceName.Contains(nameof(IStoryRouterGrain), StringComparison.Ordinal)
                && Volatile.Read(ref _ingests) >= 0 && Interlocked.Increment(ref _ingests) == 2)
            {
                throw new TimeoutException("injected: the story pipeline did not answer");
            }

            return context.Invoke();
        });
    }

    /// <summary>For any URL, three items in made-up words drawn from the URL's last segment and the item number.</summary>
    private sealed class ThreeItemFeeds : IFeedFetcher
    {
        public Task<FetchResult> FetchAsync(Uri url, FetchConditions conditions, CancellationToken cancellationToken)
        {
            var name = url.Segments[^1];
            var items = string.Concat(Enumerable.Range(1, 3).Select(i =>
            {
                var words = MadeUpWords.From(name + i, 10);
                return $"<item><guid>{name}-{i}</guid><title>{words[0]}{i} {words[1]} {words[2]}</title><link>http://gazette.example/{name}/{i}</link>"
                    + $"<pubDate>Mon, 23 Nov 2026 0{i}:00:00 GMT</pubDate><description>The {string.Join(' ', words[3..])} said.</description></item>";
            }));
            var rss = $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{name}</title>{items}</channel></rss>";
            return Task.FromResult(new FetchResult { Outcome = FetchOutcome.Fetched, StatusCode = 200, Body = Encoding.UTF8.GetBytes(rss), ContentType = "application/rss+xml", FinalUrl = url });
        }
    }
}

public class FeedReaderRecoveryTests(FailingRouterClusterFixture fixture) : IClassFixture<FailingRouterClusterFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Poll_FailingPartWay_SendsTheUnsentEntriesLater()
    {
        var name = "Zr" + Guid.NewGuid().ToString("N")[..8];
        FailingRouterClusterFixture.FailSecondIngest();
        var feed = fixture.Client.GetGrain<IFeedReaderGrain>("f-" + name);
        await feed.SubscribeAsync(new FeedSubscription { Url = $"http://gazette.example/feeds/{name}", Source = name });
        await Eventually.TrueAsync(() => FailingRouterClusterFixture.Failed, "the poll to fail part-way", cancellationToken: Ct);

        // The first item went through, the second failed, the third was never sent. Asked again (or by its
        // retry timer), the feed sends what did not go through: none of the three is lost.
        try
        {
            await feed.PollNowAsync();
        }
        catch (TimeoutException)
        {
            // This poll was the one that failed: the next one recovers.
            await feed.PollNowAsync();
        }

        var catalog = fixture.Client.GetGrain<IStoryCatalogGrain>(0);
        foreach (var i in Enumerable.Range(1, 3))
        {
            var word = MadeUpWords.From(name + i, 1)[0] + i;
            await Eventually.ValueAsync(
                () => catalog.ListAsync(new StoryQuery { Text = word, Take = 5 }), p => p.Stories.Length == 1, $"the story of item {i}", cancellationToken: Ct);
        }

        var status = await feed.GetStatusAsync();
        Assert.Equal(3, status!.EntriesSeen);
    }
}
