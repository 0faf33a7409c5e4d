using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveNews.Server.Api;

/// <summary>GET /api/stories (latest first; paging; filters q, entity, source, since) and GET /api/stories/{id}.</summary>
public static class StoriesApi
{
    public static IEndpointRouteBuilder MapStoriesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stories").WithTags("Stories");
        group.MapGet("/", ListAsync).WithName("ListStories");
        group.MapGet("/{id}", GetAsync).WithName("GetStory");
        return app;
    }

    private static async Task<Ok<StoryPage>> ListAsync(IGrainFactory grains, int? skip, int? take, string? q, string? entity, string? source, DateTimeOffset? since)
    {
        var query = new StoryQuery
        {
            Text = Bound(q),
            Entity = Bound(entity),
            Source = Bound(source),
            UpdatedSince = since,
            Skip = Math.Max(0, skip ?? 0),
            Take = Math.Clamp(take ?? 50, 1, 200),
        };
        var list = await grains.GetGrain<IStoryCatalogGrain>(0).ListAsync(query);
        return TypedResults.Ok(new StoryPage(list.Stories, list.Skip, list.Take, list.Total));
    }

    private static string? Bound(string? filter) => filter is { Length: > 200 } ? filter[..200] : filter;

    private static async Task<Results<Ok<StorySnapshot>, NotFound>> GetAsync(IGrainFactory grains, string id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return TypedResults.NotFound();
        }

        var snapshot = await grains.GetGrain<IStoryClusterGrain>(id).GetSnapshotAsync();
        return snapshot is null ? TypedResults.NotFound() : TypedResults.Ok(snapshot);
    }
}

/// <summary>One page of the story list, latest update first.</summary>
public sealed record StoryPage(IReadOnlyList<StorySummary> Stories, int Skip, int Take, int Total);
