using LiveNews.Grains.Health;
using Microsoft.AspNetCore.Http.HttpResults;
using LiveNews.Server.Events;
using Orleans.Runtime;

namespace LiveNews.Server.Api;

/// <summary>/healthz (the process answers) and /readyz (this silo is active, grain storage answers, and the node relays story events to its browsers).</summary>
public static class HealthApi
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => TypedResults.Text("ok")).WithTags("Health");
        app.MapGet("/readyz", ReadyAsync).WithTags("Health");
        return app;
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> ReadyAsync(IGrainFactory grains, IServiceProvider services, CancellationToken cancellationToken)
    {
        var local = services.GetRequiredService<ILocalSiloDetails>();
        var status = services.GetRequiredService<IClusterMembershipService>().CurrentSnapshot.GetSiloStatus(local.SiloAddress);
        if (status != SiloStatus.Active)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready", detail: $"the silo is {status}");
        }

        if (!services.GetRequiredService<EventRelayReadiness>().IsReady)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready", detail: "the story event relay has not subscribed to the stories stream yet");
        }

        try
        {
            await grains.GetGrain<IHealthProbeGrain>(local.SiloAddress.ToParsableString()).CheckAsync().WaitAsync(ProbeTimeout, cancellationToken);
            return TypedResults.Text("ready");
        }
        catch (Exception ex) when (ex is TimeoutException or OrleansException or InvalidOperationException or System.Net.Sockets.SocketException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready", detail: "grain storage did not answer: " + ex.Message);
        }
    }
}
