namespace LiveNews.Feeds.Fetching;

/// <summary>Fetches a feed document politely (conditional GET, limits, retries).</summary>
public interface IFeedFetcher
{
    Task<FetchResult> FetchAsync(Uri url, FetchConditions conditions, CancellationToken cancellationToken);
}
