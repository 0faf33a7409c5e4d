using System.Text;
using LiveNews.Abstractions.Contracts;
using LiveNews.Server.Hosting;
using LiveNews.Server.Ingestion;
using Microsoft.AspNetCore.Http.HttpResults;

namespace LiveNews.Server.Api;

/// <summary>POST /api/articles: push article versions (JSON array or JSONL) straight into the pipeline.</summary>
public static class ArticlesApi
{
    /// <summary>Largest request body accepted.</summary>
    public const int MaxBodyBytes = 16 * 1024 * 1024;

    public static IEndpointRouteBuilder MapArticlesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/articles").WithTags("Articles");
        group.MapPost("/", PostAsync)
            .AddEndpointFilter<ApiKeyFilter>()
            .Accepts<ArticleVersion[]>("application/json", "application/x-ndjson", "application/jsonl")
            .WithName("PostArticles");
        return app;
    }

    private static async Task<Results<Ok<IngestResponse>, JsonHttpResult<IngestResponse>, ProblemHttpResult>> PostAsync(
        HttpRequest request, HttpResponse response, ArticleIngestor ingestor, TimeProvider time, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return TooLarge();
        }

        var body = await ReadBoundedAsync(request.Body, MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            return TooLarge();
        }

        var parsed = ArticleJson.ParseBody(body, time.GetUtcNow());
        var rejected = new List<RejectedLine>();
        var failed = new List<RejectedLine>();
        var events = new List<StoryEvent>();
        var accepted = 0;
        foreach (var item in parsed)
        {
            if (item.Article is null)
            {
                rejected.Add(new RejectedLine(item.Line, item.Reason ?? "unreadable"));
                continue;
            }

            if (failed.Count > 0)
            {
                // Order matters (versions of one entry): nothing after a failed line is tried.
                failed.Add(new RejectedLine(item.Line, $"not tried: line {failed[0].Line} failed before it"));
                continue;
            }

            try
            {
                events.AddRange(await ingestor.IngestAsync(item.Article));
                accepted++;
            }
            catch (Exception ex) when (ex is OrleansException or TimeoutException)
            {
                // The cluster could not take it now (a silo failing over): the client sends these lines again.
                Log.IngestFailed(loggers.CreateLogger(typeof(ArticlesApi)), item.Line, ex);
                failed.Add(new RejectedLine(item.Line, "not taken, try again: " + ex.Message));
            }
        }

        if (failed.Count > 0)
        {
            response.Headers.RetryAfter = "1";
            return TypedResults.Json(new IngestResponse(accepted, rejected, events) { Failed = failed }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (accepted == 0 && rejected.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No articles", detail: "The body holds no article.");
        }

        return TypedResults.Ok(new IngestResponse(accepted, rejected, events));
    }

    private static ProblemHttpResult TooLarge() => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Body too large",
        detail: $"At most {MaxBodyBytes} bytes per request.");

    private static async Task<string?> ReadBoundedAsync(Stream body, int maxBytes, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
