using System.Net.Http.Headers;
using System.Text;
using LiveNews.Feeds.Safety;
using Microsoft.Extensions.Options;

namespace LiveNews.Grains.Webhooks;

/// <summary>
/// POSTs Standard Webhooks messages (<c>webhook-id</c>, <c>webhook-timestamp</c>, <c>webhook-signature</c>)
/// through an <see cref="HttpClient"/> whose handler checks addresses at connect time and follows no
/// redirects. Each attempt is bounded by <see cref="WebhookOptions.Timeout"/>; of the answer only the
/// status, Retry-After and the start of an error body are read.
/// </summary>
public sealed class HttpWebhookSender(HttpClient client, IOptions<WebhookOptions> options, TimeProvider time) : IWebhookSender
{
    private readonly WebhookOptions _options = options.Value;

    public async Task<WebhookSendResult> SendAsync(Uri url, string messageId, string body, IReadOnlyList<string> secrets, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("webhook-id", messageId);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSignature.Header(secrets, messageId, timestamp, body));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("LiveNews-Webhooks", "1.0"));

        using var timeout = new CancellationTokenSource(_options.Timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            string? error = null;
            if (status is < 200 or > 299)
            {
                var start = await ReadStartAsync(response, linked.Token).ConfigureAwait(false);
                error = $"HTTP {status}" + (status is >= 300 and <= 399 ? " (redirects are not followed)" : "") + (start.Length > 0 ? ": " + start : "");
            }

            var retryAfter = response.Headers.RetryAfter switch
            {
                { Delta: { } delta } => delta,
                { Date: { } date } => date - time.GetUtcNow() is var d && d > TimeSpan.Zero ? d : TimeSpan.Zero,
                _ => (TimeSpan?)null,
            };
            return new WebhookSendResult { StatusCode = status, Error = error, RetryAfter = retryAfter, Latency = time.GetElapsedTime(started) };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return Failure($"timed out after {_options.Timeout.TotalSeconds:0.###} s", started);
        }
        catch (HttpRequestException ex) when (FindRefusal(ex) is { } refused)
        {
            return Failure("refused: " + refused.Message, started);
        }
        catch (HttpRequestException ex)
        {
            return Failure("connection failed: " + ex.Message, started);
        }
    }

    private WebhookSendResult Failure(string error, long started) => new() { Error = error, Latency = time.GetElapsedTime(started) };

    private static DestinationRefusedException? FindRefusal(Exception ex)
    {
        for (var e = ex.InnerException; e is not null; e = e.InnerException)
        {
            if (e is DestinationRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }

    private async Task<string> ReadStartAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            var buffer = new byte[_options.MaxErrorBodyBytes];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            var text = Encoding.UTF8.GetString(buffer, 0, read);
            return new string(text.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            return "";
        }
    }
}
