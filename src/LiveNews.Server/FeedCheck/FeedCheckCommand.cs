using System.Globalization;
using LiveNews.Feeds.Fetching;
using LiveNews.Feeds.Parsing;
using LiveNews.Feeds.Safety;

namespace LiveNews.Server.FeedCheck;

/// <summary>
/// <c>feed-check URL-or-FILE [--allow-private]</c>: prints what LiveNews reads from a feed (format,
/// title, entries with id, title, link, date) or why it cannot, so an operator can see why a feed
/// misbehaves. Exit code 0 when the feed was read, 1 otherwise, 2 for a usage error.
/// </summary>
public static class FeedCheckCommand
{
    public static async Task<int> RunAsync(string[] args, TextWriter output, CancellationToken cancellationToken = default)
    {
        var target = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        if (target is null)
        {
            await output.WriteLineAsync("usage: feed-check URL-or-FILE [--allow-private]");
            return 2;
        }

        byte[]? body;
        string? contentType = null;
        string? documentUri = null;
        if (File.Exists(target))
        {
            body = await File.ReadAllBytesAsync(target, cancellationToken);
            await output.WriteLineAsync($"file: {target} ({body.Length} bytes)");
        }
        else if (Uri.TryCreate(target, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            var guard = new DestinationGuard(args.Contains("--allow-private"));
            using var client = new HttpClient(guard.CreateHandler()) { Timeout = Timeout.InfiniteTimeSpan };
            var fetch = await new FeedFetcher(client, new FeedFetcherOptions(), TimeProvider.System).FetchAsync(url, new FetchConditions(null, null), cancellationToken);
            await output.WriteLineAsync($"fetch: {fetch.Outcome} (HTTP {fetch.StatusCode?.ToString(CultureInfo.InvariantCulture) ?? "-"}){(fetch.Error is null ? "" : ": " + fetch.Error)}");
            if (fetch.PermanentRedirect is { } moved)
            {
                await output.WriteLineAsync($"moved permanently to: {moved}");
            }

            if (fetch.Outcome != FetchOutcome.Fetched)
            {
                return 1;
            }

            body = fetch.Body;
            contentType = fetch.ContentType;
            documentUri = fetch.FinalUrl?.ToString();
            await output.WriteLineAsync($"content-type: {contentType}; etag: {fetch.ETag ?? "-"}; last-modified: {fetch.LastModified ?? "-"}; {body!.Length} bytes");
        }
        else
        {
            await output.WriteLineAsync($"feed-check: '{target}' is neither a file nor an http(s) URL");
            return 2;
        }

        var result = FeedParser.Parse(body, contentType, documentUri);
        await output.WriteLineAsync($"encoding: {result.Encoding}{(result.Malformed ? " (malformed, read with repairs)" : "")}");
        foreach (var problem in result.Problems)
        {
            await output.WriteLineAsync($"problem: {problem}");
        }

        if (result.Feed is not { } feed)
        {
            await output.WriteLineAsync("not read as a feed");
            return 1;
        }

        await output.WriteLineAsync($"format: {feed.Format} {feed.Version}; title: {feed.Title}; link: {feed.Link}; ttl: {feed.TimeToLiveMinutes?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        await output.WriteLineAsync($"entries: {feed.Entries.Count}");
        foreach (var entry in feed.Entries.Take(50))
        {
            var date = (entry.Published ?? entry.Updated)?.ToString("u", CultureInfo.InvariantCulture) ?? "no date";
            var length = (entry.Content ?? entry.Summary)?.Length ?? 0;
            await output.WriteLineAsync($"- [{date}] {entry.Title ?? "(no title)"}");
            await output.WriteLineAsync($"    id: {entry.Id ?? "(none)"}; link: {entry.Link ?? "(none)"}; body: {length} chars{(entry.Content is null ? " (summary only)" : "")}");
        }

        return 0;
    }
}
