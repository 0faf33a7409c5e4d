using System.Text;
using System.Text.Json;
using LiveNews.Abstractions.Contracts;
using LiveNews.Server.Events;

namespace LiveNews.Server.Api;

/// <summary>
/// GET /api/events: story events as Server-Sent Events. Each has <c>id: storyId/sequence</c>; a client
/// that reconnects with Last-Event-ID (header, or <c>?lastEventId=</c>) first gets what it missed from
/// the recent-events log. Filters: <c>?story=</c>, <c>?q=</c>. A comment line every 15 s keeps proxies open.
/// A stream opens only once the node relays events (<see cref="EventRelayReadiness"/>), so a client that
/// sees it open misses nothing published after; until then it waits, then answers 503 and the client retries.
/// </summary>
public static class EventsApi
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/events", StreamAsync).WithTags("Events").WithName("StoryEvents")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        return app;
    }

    private static async Task StreamAsync(HttpContext context, RecentEventLog log, SseConnections connections, EventRelayReadiness relay, TimeProvider time, string? story, string? q, string? lastEventId)
    {
        if (!await relay.WaitAsync(relay.EventsApiWait, time, context.RequestAborted))
        {
            context.Response.Headers.RetryAfter = "2";
            await TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready", detail: "this node does not relay story events yet; retry").ExecuteAsync(context);
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, connections.DropToken);
        var cancellationToken = linked.Token;
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache, no-transform";
        response.Headers["X-Accel-Buffering"] = "no";
        var filter = new EventFilter(story, q);
        var resumeFrom = context.Request.Headers["Last-Event-ID"].FirstOrDefault() ?? lastEventId;

        connections.Opened();
        try
        {
            // Where the live part starts: taken before the replay, so nothing falls between the two.
            var (position, newestId) = log.Newest;
            await response.WriteAsync("retry: 2000\n\n", cancellationToken);
            if (resumeFrom is null)
            {
                // A new client gets the id of "now", so that after a dropped connection it resumes from here.
                await response.WriteAsync($"id: {newestId}\nevent: ready\ndata: {{}}\n\n", cancellationToken);
            }
            else
            {
                foreach (var entry in log.After(resumeFrom).Where(e => e.Position <= position))
                {
                    await WriteAsync(response, entry, filter, cancellationToken);
                }
            }

            await response.Body.FlushAsync(cancellationToken);
            Task? tick = null;
            while (!cancellationToken.IsCancellationRequested)
            {
                var changed = log.WaitForChangeAsync(cancellationToken);
                foreach (var entry in log.AfterPosition(position))
                {
                    await WriteAsync(response, entry, filter, cancellationToken);
                    position = entry.Position;
                }

                await response.Body.FlushAsync(cancellationToken);
                // One keep-alive timer at a time, not one per event: a busy stream would otherwise hold a pending timer per event.
                tick ??= Task.Delay(KeepAlive, time, cancellationToken);
                if (await Task.WhenAny(changed, tick) == tick)
                {
                    tick = null;
                    await response.WriteAsync(": keep-alive\n\n", cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away, or the node dropped its connections.
        }
        finally
        {
            connections.Closed();
        }
    }

    private static Task WriteAsync(HttpResponse response, RecentEventLog.Entry entry, EventFilter filter, CancellationToken cancellationToken)
    {
        if (!filter.Matches(entry.Event))
        {
            return Task.CompletedTask;
        }

        var sb = new StringBuilder(512);
        sb.Append("id: ").Append(entry.Id).Append('\n');
        sb.Append("event: ").Append(entry.Event.Type.ToString()).Append('\n');
        sb.Append("data: ").Append(JsonSerializer.Serialize(entry.Event, LiveNewsJson.Options)).Append("\n\n");
        return response.WriteAsync(sb.ToString(), cancellationToken);
    }
}
