using System.Collections.Immutable;
using System.Net;
using System.Security.Cryptography;
using LiveNews.Abstractions.Contracts.Webhooks;
using LiveNews.Abstractions.Grains;
using LiveNews.Feeds.Safety;
using LiveNews.Grains.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace LiveNews.Server.Api;

/// <summary>
/// Webhook endpoints, all behind the API key (their URLs may carry tokens): create (the secret is shown
/// once), list, read, delete, the delivery log, manual redelivery, re-enabling and secret rotation.
/// </summary>
public static class WebhooksApi
{
    private const int MaxListEntries = 50;
    private const int MaxEntryLength = 200;

    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/webhooks").WithTags("Webhooks").AddEndpointFilter<ApiKeyFilter>();
        group.MapPost("/", CreateAsync).WithName("CreateWebhook");
        group.MapGet("/", ListAsync).WithName("ListWebhooks");
        group.MapGet("/{id}", GetAsync).WithName("GetWebhook");
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteWebhook");
        group.MapGet("/{id}/deliveries", DeliveriesAsync).WithName("ListWebhookDeliveries");
        group.MapPost("/{id}/deliveries/{messageId}/redeliver", RedeliverAsync).WithName("RedeliverWebhookMessage");
        group.MapPost("/{id}/enable", EnableAsync).WithName("EnableWebhook");
        group.MapPost("/{id}/rotate-secret", RotateSecretAsync).WithName("RotateWebhookSecret");
        return app;
    }

    /// <summary>The reason a webhook request cannot be accepted, or null.</summary>
    public static string? Validate(WebhookRequest? request, bool allowPrivate)
    {
        if (request is null)
        {
            return "the body is not a webhook request";
        }

        if (!FeedsApi.TryValidate(request.Url, out var error))
        {
            return error;
        }

        var uri = new Uri(request.Url.Trim());
        if (!allowPrivate && (uri.IsLoopback || (IPAddress.TryParse(uri.IdnHost, out var address) && !AddressClassifier.IsPublic(address))))
        {
            return "'url' points at a loopback or private address";
        }

        if (request.Secret is not null && !WebhookSignature.IsValidSecret(request.Secret))
        {
            return "'secret' must be whsec_ followed by the base64 of 24 to 64 bytes";
        }

        if (request.Description is { Length: > MaxEntryLength })
        {
            return $"'description' is longer than {MaxEntryLength} characters";
        }

        var filter = request.Filter ?? new WebhookFilter();
        foreach (var (name, list) in new[] { ("keywords", filter.Keywords), ("entities", filter.Entities), ("storyIds", filter.StoryIds) })
        {
            if (list.IsDefaultOrEmpty)
            {
                continue;
            }

            if (list.Length > MaxListEntries || list.Any(e => string.IsNullOrWhiteSpace(e) || e.Length > MaxEntryLength))
            {
                return $"'filter.{name}' takes at most {MaxListEntries} non-empty entries of at most {MaxEntryLength} characters";
            }
        }

        if (filter.MinNewFacts is < 0 or > 100)
        {
            return "'filter.minNewFacts' must be between 0 and 100";
        }

        return !filter.EventTypes.IsDefaultOrEmpty && filter.EventTypes.Any(t => !Enum.IsDefined(t)) ? "'filter.eventTypes' holds an unknown type" : null;
    }

    private static async Task<Results<Created<WebhookCreated>, ProblemHttpResult>> CreateAsync(IGrainFactory grains, IOptions<WebhookOptions> options, WebhookRequest request)
    {
        if (Validate(request, options.Value.AllowPrivateAddresses) is { } error)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid webhook", detail: error);
        }

        var filter = request.Filter ?? new WebhookFilter();
        filter = filter with
        {
            EventTypes = filter.EventTypes.IsDefaultOrEmpty ? WebhookFilter.DefaultEventTypes : filter.EventTypes.Distinct().ToImmutableArray(),
            Keywords = Clean(filter.Keywords),
            Entities = Clean(filter.Entities),
            StoryIds = Clean(filter.StoryIds),
        };
        var secret = request.Secret ?? WebhookSignature.NewSecret();
        var id = "wh_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var info = await grains.GetGrain<IWebhookEndpointGrain>(id).CreateAsync(request.Url.Trim(), filter, request.Format, request.Description, secret);
        return TypedResults.Created($"/api/webhooks/{id}", new WebhookCreated { Endpoint = info, Secret = secret });
    }

    private static ImmutableArray<string> Clean(ImmutableArray<string> entries) =>
        entries.IsDefaultOrEmpty ? [] : entries.Select(e => e.Trim()).Distinct(StringComparer.Ordinal).ToImmutableArray();

    private static async Task<Ok<WebhookEndpointInfo[]>> ListAsync(IGrainFactory grains)
    {
        var ids = await grains.GetGrain<IWebhookRegistryGrain>(0).ListAsync();
        var infos = await Task.WhenAll(ids.Select(id => grains.GetGrain<IWebhookEndpointGrain>(id).GetAsync()));
        return TypedResults.Ok(infos.OfType<WebhookEndpointInfo>().ToArray());
    }

    private static async Task<Results<Ok<WebhookEndpointInfo>, NotFound>> GetAsync(IGrainFactory grains, string id) =>
        Endpoint(grains, id) is { } grain && await grain.GetAsync() is { } info ? TypedResults.Ok(info) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteAsync(IGrainFactory grains, string id)
    {
        if (Endpoint(grains, id) is not { } grain || await grain.GetAsync() is null)
        {
            return TypedResults.NotFound();
        }

        await grain.DeleteAsync();
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<ImmutableArray<WebhookDelivery>>, NotFound>> DeliveriesAsync(IGrainFactory grains, string id, int? limit)
    {
        if (Endpoint(grains, id) is not { } grain || await grain.GetAsync() is null)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(await grain.GetDeliveriesAsync(Math.Clamp(limit ?? 100, 1, 1000)));
    }

    private static async Task<Results<Accepted, NotFound>> RedeliverAsync(IGrainFactory grains, string id, string messageId)
    {
        if (messageId.Length > 64 || Endpoint(grains, id) is not { } grain || !await grain.RedeliverAsync(messageId))
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Accepted($"/api/webhooks/{id}/deliveries");
    }

    private static async Task<Results<Ok<WebhookEndpointInfo>, NotFound>> EnableAsync(IGrainFactory grains, string id) =>
        Endpoint(grains, id) is { } grain && await grain.EnableAsync() is { } info ? TypedResults.Ok(info) : TypedResults.NotFound();

    private static async Task<Results<Ok<WebhookCreated>, NotFound, ProblemHttpResult>> RotateSecretAsync(IGrainFactory grains, string id, SecretRotation? rotation)
    {
        if (rotation?.Secret is { } given && !WebhookSignature.IsValidSecret(given))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid secret", detail: "'secret' must be whsec_ followed by the base64 of 24 to 64 bytes");
        }

        if (Endpoint(grains, id) is not { } grain || await grain.RotateSecretAsync(rotation?.Secret ?? WebhookSignature.NewSecret()) is not { } secret)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.Ok(new WebhookCreated { Endpoint = (await grain.GetAsync())!, Secret = secret });
    }

    private static IWebhookEndpointGrain? Endpoint(IGrainFactory grains, string id) =>
        id.Length is > 0 and <= 64 && id.StartsWith("wh_", StringComparison.Ordinal) ? grains.GetGrain<IWebhookEndpointGrain>(id) : null;
}

/// <summary>The optional body of a secret rotation: a secret to use instead of a generated one.</summary>
public sealed record SecretRotation(string? Secret);
