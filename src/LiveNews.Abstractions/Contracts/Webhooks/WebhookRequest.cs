namespace LiveNews.Abstractions.Contracts.Webhooks;

/// <summary>The body of <c>POST /api/webhooks</c>.</summary>
public sealed record WebhookRequest
{
    /// <summary>An absolute http or https URL that receives the POSTs.</summary>
    public string Url { get; init; } = "";

    public WebhookFilter? Filter { get; init; }

    /// <summary>A Standard Webhooks secret (<c>whsec_</c> and base64 of 24 to 64 bytes); generated when absent.</summary>
    public string? Secret { get; init; }

    public WebhookFormat Format { get; init; } = WebhookFormat.Standard;

    /// <summary>A note for operators (at most 200 characters).</summary>
    public string? Description { get; init; }
}
