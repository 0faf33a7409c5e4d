using System.Security.Cryptography;
using System.Text;
using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveNews.Server.Api;

/// <summary>
/// Feed management: POST /api/feeds (subscribe), GET /api/feeds (every feed's status), GET
/// /api/feeds/{id}, DELETE /api/feeds/{id}, POST /api/feeds/{id}/poll. Writes need the API key.
/// </summary>
public static class FeedsApi
{
    public static IEndpointRouteBuilder MapFeedsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/feeds").WithTags("Feeds");
        group.MapGet("/", ListAsync).WithName("ListFeeds");
        group.MapGet("/{id}", GetAsync).WithName("GetFeed");
        group.MapPost("/", SubscribeAsync).AddEndpointFilter<ApiKeyFilter>().WithName("SubscribeFeed");
        group.MapDelete("/{id}", UnsubscribeAsync).AddEndpointFilter<ApiKeyFilter>().WithName("UnsubscribeFeed");
        group.MapPost("/{id}/poll", PollAsync).AddEndpointFilter<ApiKeyFilter>().WithName("PollFeed");
        group.MapGet("/opml", ExportOpmlAsync).WithName("ExportOpml");
        group.MapPost("/opml", ImportOpmlAsync).AddEndpointFilter<ApiKeyFilter>().WithName("ImportOpml");
        return app;
    }

    /// <summary>A feed's id: derived from its URL, so subscribing twice is one feed.</summary>
    public static string FeedIdOf(string url) =>
        "f" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(url.Trim())), 0, 8).ToLowerInvariant();

    /// <summary>An absolute http(s) URL of reasonable length.</summary>
    public static bool TryValidate(string? url, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(url) || url.Length > 2048)
        {
            error = "'url' is missing or longer than 2048 characters";
        }
        else if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            error = "'url' must be an absolute http or https URL";
        }

        return error is null;
    }

    /// <summary>
    /// Validates a subscription and subscribes it (URL trimmed, source at most 200 characters): the one
    /// way in for the API, OPML imports, configured feeds and the demo. Returns the feed's id, or the reason.
    /// </summary>
    public static async Task<(string? Id, string? Error)> TrySubscribeAsync(IGrainFactory grains, FeedSubscription subscription)
    {
        if (!TryValidate(subscription.Url, out var error))
        {
            return (null, error);
        }

        var clean = subscription with { Url = subscription.Url.Trim(), Source = subscription.Source is { Length: > 200 } s ? s[..200] : subscription.Source };
        var id = FeedIdOf(clean.Url);
        await grains.GetGrain<IFeedReaderGrain>(id).SubscribeAsync(clean);
        return (id, null);
    }

    /// <summary>The status of every subscribed feed.</summary>
    private static async Task<FeedStatus[]> AllStatusesAsync(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IFeedRegistryGrain>(0).ListAsync();
        var statuses = await Task.WhenAll(ids.Select(id => grains.GetGrain<IFeedReaderGrain>(id).GetStatusAsync()));
        return statuses.OfType<FeedStatus>().ToArray();
    }

    private static async Task<Ok<FeedStatus[]>> ListAsync(IGrainFactory grains) => TypedResults.Ok(await AllStatusesAsync(grains));

    private static async Task<Results<Ok<FeedStatus>, NotFound>> GetAsync(IGrainFactory grains, string id)
    {
        var status = id.Length <= 64 ? await grains.GetGrain<IFeedReaderGrain>(id).GetStatusAsync() : null;
        return status is null ? TypedResults.NotFound() : TypedResults.Ok(status);
    }

    private static async Task<Results<Created<FeedStatus>, ProblemHttpResult>> SubscribeAsync(IGrainFactory grains, FeedSubscription subscription)
    {
        var (id, error) = subscription is null ? (null, "the body is not a feed subscription") : await TrySubscribeAsync(grains, subscription);
        if (id is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid feed", detail: error);
        }

        var status = await grains.GetGrain<IFeedReaderGrain>(id).GetStatusAsync();
        return TypedResults.Created($"/api/feeds/{id}", status!);
    }

    private static async Task<ContentHttpResult> ExportOpmlAsync(IGrainFactory grains, TimeProvider time)
    {
        var statuses = await AllStatusesAsync(grains);
        var opml = LiveNews.Feeds.Opml.OpmlDocument.Write(statuses.Select(s => (s.Url, s.Title)), time.GetUtcNow());
        return TypedResults.Text(opml, "text/x-opml", System.Text.Encoding.UTF8);
    }

    private static async Task<Results<Ok<OpmlImport>, ProblemHttpResult>> ImportOpmlAsync(HttpRequest request, IGrainFactory grains, CancellationToken cancellationToken)
    {
        if (request.ContentLength > 5 * 1024 * 1024)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "OPML too large", detail: "At most 5 MiB.");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync(cancellationToken);
        List<(string Url, string? Title)> outlines;
        try
        {
            outlines = LiveNews.Feeds.Opml.OpmlDocument.Read(text);
        }
        catch (FormatException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid OPML", detail: ex.Message);
        }

        var subscribed = new List<string>();
        var rejected = new List<string>();
        foreach (var (url, title) in outlines)
        {
            var (id, error) = await TrySubscribeAsync(grains, new FeedSubscription { Url = url, Source = title });
            if (id is null)
            {
                rejected.Add($"{url}: {error}");
                continue;
            }

            subscribed.Add(id);
        }

        return TypedResults.Ok(new OpmlImport(subscribed, rejected));
    }

    private static async Task<Results<NoContent, NotFound>> UnsubscribeAsync(IGrainFactory grains, string id)
    {
        var grain = grains.GetGrain<IFeedReaderGrain>(id);
        if (await grain.GetStatusAsync() is null)
        {
            return TypedResults.NotFound();
        }

        await grain.UnsubscribeAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<PollResult>, NotFound>> PollAsync(IGrainFactory grains, string id)
    {
        var grain = grains.GetGrain<IFeedReaderGrain>(id);
        if (await grain.GetStatusAsync() is null)
        {
            return TypedResults.NotFound();
        }

        var versions = await grain.PollNowAsync();
        return TypedResults.Ok(new PollResult(versions, (await grain.GetStatusAsync())!));
    }
}

/// <summary>What an OPML import did: the feeds subscribed, and the outlines refused with why.</summary>
public sealed record OpmlImport(IReadOnlyList<string> Subscribed, IReadOnlyList<string> Rejected);

/// <summary>What a poll on demand did.</summary>
public sealed record PollResult(int NewVersions, FeedStatus Status);
