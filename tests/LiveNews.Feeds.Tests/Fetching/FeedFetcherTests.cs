using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using LiveNews.Feeds.Fetching;
using LiveNews.Feeds.Safety;

namespace LiveNews.Feeds.Tests.Fetching;

/// <summary>The fetcher against a tiny HTTP server on loopback that answers with canned responses.</summary>
public class FeedFetcherTests
{
    private static FeedFetcher Fetcher(FeedFetcherOptions? options = null) =>
        new(new HttpClient(new DestinationGuard(allowPrivate: true).CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan },
            options ?? new FeedFetcherOptions { MaxRetries = 0 }, TimeProvider.System);

    /// <summary>Serves each connection the next canned response (raw HTTP/1.1 bytes), then closes it.</summary>
    private static async Task<(Uri Url, Task Served)> ServeAsync(params byte[][] responses)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var served = Task.Run(async () =>
        {
            try
            {
                foreach (var response in responses)
                {
                    using var client = await listener.AcceptTcpClientAsync();
                    var stream = client.GetStream();
                    var buffer = new byte[8192];
                    _ = await stream.ReadAsync(buffer);
                    await stream.WriteAsync(response);
                }
            }
            finally
            {
                listener.Stop();
            }
        });
        await Task.Yield();
        return (new Uri($"http://127.0.0.1:{port}/feed.xml"), served);
    }

    private static byte[] Response(string head, byte[]? body = null)
    {
        body ??= [];
        var header = Encoding.ASCII.GetBytes($"{head}\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        return [.. header, .. body];
    }

    [Fact]
    public async Task Fetch_429WithRetryAfter_IsThrottledWithTheDelay()
    {
        var (url, served) = await ServeAsync(Response("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 120"));
        var result = await Fetcher().FetchAsync(url, new FetchConditions(null, null), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Throttled, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(120), result.RetryAfter);
        await served;
    }

    [Fact]
    public async Task Fetch_PermanentRedirect_IsFollowedAndReported()
    {
        var (url, served) = await ServeAsync(
            Response("HTTP/1.1 308 Permanent Redirect\r\nLocation: /moved.xml"),
            Response("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nETag: \"v1\"", Encoding.UTF8.GetBytes("<rss/>")));
        var result = await Fetcher().FetchAsync(url, new FetchConditions(null, null), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        Assert.Equal(new Uri(url, "/moved.xml"), result.PermanentRedirect);
        Assert.Equal("\"v1\"", result.ETag);
        await served;
    }

    [Fact]
    public async Task Fetch_410_IsGone()
    {
        var (url, served) = await ServeAsync(Response("HTTP/1.1 410 Gone"));
        Assert.Equal(FetchOutcome.Gone, (await Fetcher().FetchAsync(url, new FetchConditions(null, null), TestContext.Current.CancellationToken)).Outcome);
        await served;
    }

    [Fact]
    public async Task Fetch_GzipBomb_StopsAtTheCapAfterDecoding()
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                gzip.Write(zeros);
            }
        }

        Assert.True(compressed.Length < 1024 * 1024);
        var (url, served) = await ServeAsync(Response("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nContent-Encoding: gzip", compressed.ToArray()));
        var result = await Fetcher(new FeedFetcherOptions { MaxRetries = 0, MaxBodyBytes = 8 * 1024 * 1024 }).FetchAsync(url, new FetchConditions(null, null), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("larger than", result.Error, StringComparison.Ordinal);
        await served;
    }

    [Fact]
    public async Task Fetch_ServerErrorThenSuccess_IsRetried()
    {
        var (url, served) = await ServeAsync(
            Response("HTTP/1.1 503 Service Unavailable"),
            Response("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml", Encoding.UTF8.GetBytes("<rss/>")));
        var fetcher = Fetcher(new FeedFetcherOptions { MaxRetries = 2, RetryBaseDelay = TimeSpan.FromMilliseconds(1) });
        var result = await fetcher.FetchAsync(url, new FetchConditions(null, null), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Fetched, result.Outcome);
        await served;
    }

    [Fact]
    public async Task Fetch_ServerThatNeverAnswers_TimesOut()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = listener.AcceptTcpClientAsync(TestContext.Current.CancellationToken).AsTask();
        try
        {
            var fetcher = Fetcher(new FeedFetcherOptions { MaxRetries = 0, AttemptTimeout = TimeSpan.FromMilliseconds(300) });
            var result = await fetcher.FetchAsync(new Uri($"http://127.0.0.1:{port}/slow.xml"), new FetchConditions(null, null), TestContext.Current.CancellationToken);
            Assert.Equal(FetchOutcome.Failed, result.Outcome);
            Assert.Contains("no answer within", result.Error, StringComparison.Ordinal);
        }
        finally
        {
            listener.Stop();
            (await accepted).Dispose();
        }
    }

    [Fact]
    public async Task Fetch_CharsetFromTheHeader_DecodesTheFeed()
    {
        var latin1 = Encoding.Latin1.GetBytes("<rss version=\"2.0\"><channel><title>Caf\u00e9 du Nord</title><item><title>R\u00e9sum\u00e9</title></item></channel></rss>");
        var (url, served) = await ServeAsync(Response("HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=ISO-8859-1", latin1));
        var result = await Fetcher().FetchAsync(url, new FetchConditions(null, null), TestContext.Current.CancellationToken);
        var feed = LiveNews.Feeds.Parsing.FeedParser.Parse(result.Body, result.ContentType).Feed!;
        Assert.Equal("Café du Nord", feed.Title);
        Assert.Equal("Résumé", feed.Entries[0].Title);
        await served;
    }

    [Fact]
    public async Task Fetch_BillionLaughs_IsReadWithoutExpanding()
    {
        var bomb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">");
        var previous = "a";
        for (var i = 1; i <= 9; i++)
        {
            bomb.Append($"<!ENTITY a{i} \"{string.Concat(Enumerable.Repeat($"&{previous};", 10))}\">");
            previous = "a" + i;
        }

        bomb.Append("]><rss version=\"2.0\"><channel><title>&a9;</title></channel></rss>");
        var (url, served) = await ServeAsync(Response("HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml", Encoding.UTF8.GetBytes(bomb.ToString())));
        var result = await Fetcher().FetchAsync(url, new FetchConditions(null, null), TestContext.Current.CancellationToken);
        var parsed = LiveNews.Feeds.Parsing.FeedParser.Parse(result.Body, result.ContentType);
        Assert.True(parsed.Malformed);
        Assert.True((parsed.Feed?.Title ?? "").Length < 100);
        await served;
    }

    [Fact]
    public async Task Fetch_HostFailingAgainAndAgain_OpensItsCircuit()
    {
        var failures = Enumerable.Range(0, 3).Select(_ => Response("HTTP/1.1 500 Internal Server Error")).ToArray();
        var (url, served) = await ServeAsync(failures);
        var fetcher = Fetcher(new FeedFetcherOptions { MaxRetries = 0, CircuitMinimumThroughput = 3, CircuitBreakDuration = TimeSpan.FromMinutes(5) });
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(500, (await fetcher.FetchAsync(url, new FetchConditions(null, null), TestContext.Current.CancellationToken)).StatusCode);
        }

        var open = await fetcher.FetchAsync(url, new FetchConditions(null, null), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Failed, open.Outcome);
        Assert.Contains("failed too often", open.Error, StringComparison.Ordinal);
        Assert.Null(open.StatusCode);
        await served;
    }

    [Fact]
    public async Task Fetch_PrivateAddressWhenNotAllowed_FailsWithTheReason()
    {
        var fetcher = new FeedFetcher(new HttpClient(new DestinationGuard(allowPrivate: false).CreateHandler()), new FeedFetcherOptions { MaxRetries = 0 }, TimeProvider.System);
        var result = await fetcher.FetchAsync(new Uri("http://127.0.0.1:9/feed.xml"), new FetchConditions(null, null), TestContext.Current.CancellationToken);
        Assert.Equal(FetchOutcome.Failed, result.Outcome);
        Assert.Contains("loopback or private", result.Error, StringComparison.Ordinal);
    }
}
