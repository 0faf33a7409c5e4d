using System.Text;
using LiveNews.Abstractions.Contracts;
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

    private static async Task<Results<Ok<IngestResponse>, ProblemHttpResult>> PostAsync(
        HttpRequest request, ArticleIngestor ingestor, TimeProvider time, CancellationToken cancellationToken)
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
        var events = new List<StoryEvent>();
        var accepted = 0;
        foreach (var item in parsed)
        {
            if (item.Article is null)
            {
                rejected.Add(new RejectedLine(item.Line, item.Reason ?? "unreadable"));
                continue;
            }

            accepted++;
            events.AddRange(await ingestor.IngestAsync(item.Article));
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
