namespace LiveNews.Grains.Webhooks;

/// <summary>Sends one signed webhook message; never throws for what the endpoint or the network does.</summary>
public interface IWebhookSender
{
    Task<WebhookSendResult> SendAsync(Uri url, string messageId, string body, IReadOnlyList<string> secrets, CancellationToken cancellationToken);
}
