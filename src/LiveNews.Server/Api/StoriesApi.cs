using LiveNews.Abstractions.Contracts;
using LiveNews.Abstractions.Grains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveNews.Server.Api;

/// <summary>GET /api/stories and GET /api/stories/{id}.</summary>
public static class StoriesApi
{
    public static IEndpointRouteBuilder MapStoriesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/stories").WithTags("Stories");
        group.MapGet("/", ListAsync).WithName("ListStories");
        group.MapGet("/{id}", GetAsync).WithName("GetStory");
        return app;
    }

    private static async Task<Ok<StoryPage>> ListAsync(IGrainFactory grains, int? skip, int? take)
    {
        var catalog = grains.GetGrain<IStoryCatalogGrain>(0);
        var s = Math.Max(0, skip ?? 0);
        var t = Math.Clamp(take ?? 50, 1, 200);
        var stories = await catalog.ListAsync(s, t);
        var total = await catalog.CountAsync();
        return TypedResults.Ok(new StoryPage(stories, s, t, total));
    }

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
