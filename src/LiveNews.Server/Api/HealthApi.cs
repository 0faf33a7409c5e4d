using LiveNews.Abstractions.Grains;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveNews.Server.Api;

/// <summary>/healthz (the process answers) and /readyz (the silo answers grain calls).</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok")).WithTags("Health");
        app.MapGet("/readyz", ReadyAsync).WithTags("Health");
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReadyAsync(IGrainFactory grains, CancellationToken cancellationToken)
    {
        try
        {
            await grains.GetGrain<IStoryCatalogGrain>(0).CountAsync().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return TypedResults.Text("ready");
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException or InvalidOperationException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready", detail: ex.Message);
        }
    }
}
