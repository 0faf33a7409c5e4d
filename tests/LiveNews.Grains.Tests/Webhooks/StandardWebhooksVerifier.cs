using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace LiveNews.Grains.Tests.Webhooks;

/// <summary>
/// A receiver's check of a Standard Webhooks message, written from the specification and independent of
/// LiveNews's signer: the key is the base64 after <c>whsec_</c>; the signed content is
/// <c>id.timestamp.body</c>; any one of the space-separated <c>v1,</c> signatures may match; the
/// timestamp must be within the tolerance of now.
/// </summary>
public static class StandardWebhooksVerifier
{
    public static bool Verify(string secret, string? id, string? timestamp, string? signatureHeader, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (id is null || timestamp is null || signatureHeader is null
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || Math.Abs((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).TotalSeconds) > tolerance.TotalSeconds)
        {
            return false;
        }

        var keyText = secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret;
        using var hmac = new HMACSHA256(Convert.FromBase64String(keyText));
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes(id + "." + timestamp + "." + body));
        foreach (var part in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = part.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || part[..comma] != "v1")
            {
                continue;
            }

            byte[] given;
            try
            {
                given = Convert.FromBase64String(part[(comma + 1)..]);
            }
            catch (FormatException)
            {
                continue;
            }

            if (CryptographicOperations.FixedTimeEquals(given, expected))
            {
                return true;
            }
        }

        return false;
    }

    public static bool Verify(string secret, ReceivedWebhook message) =>
        Verify(secret, message.Id, message.Timestamp, message.Signature, message.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));
}
