namespace LiveNews.Abstractions.Contracts.Webhooks;

/// <summary>The answer to creating an endpoint or rotating its secret: the secret is shown here only.</summary>
[GenerateSerializer, Immutable, Alias("LiveNews.WebhookCreated")]
public sealed record WebhookCreated
{
    [Id(0)] public required WebhookEndpointInfo Endpoint { get; init; }

    [Id(1)] public required string Secret { get; init; }
}
