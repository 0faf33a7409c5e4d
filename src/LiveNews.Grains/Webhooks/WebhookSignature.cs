using System.Security.Cryptography;
using System.Text;

namespace LiveNews.Grains.Webhooks;

/// <summary>
/// Standard Webhooks signing: a secret is <c>whsec_</c> and the base64 of its key bytes; the signature of
/// a message is <c>v1,</c> and the base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c> under that key.
/// Several signatures (secret rotation) are separated by spaces.
/// </summary>
public static class WebhookSignature
{
    public const string SecretPrefix = "whsec_";

    /// <summary>A new secret of 32 random bytes.</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>True when <paramref name="secret"/> is <c>whsec_</c> and base64 of 24 to 64 bytes.</summary>
    public static bool IsValidSecret(string? secret)
    {
        if (secret is null || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal) || secret.Length > 200)
        {
            return false;
        }

        var buffer = new byte[150];
        return Convert.TryFromBase64String(secret[SecretPrefix.Length..], buffer, out var written) && written is >= 24 and <= 64;
    }

    /// <summary>The <c>v1,...</c> signature of one message under one secret.</summary>
    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        if (!IsValidSecret(secret))
        {
            throw new ArgumentException("The secret is not a whsec_ secret.", nameof(secret));
        }

        var key = Convert.FromBase64String(secret[SecretPrefix.Length..]);
        var content = Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{messageId}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, content));
    }

    /// <summary>The <c>webhook-signature</c> header value: one signature per secret, space separated.</summary>
    public static string Header(IEnumerable<string> secrets, string messageId, long timestamp, string body) =>
        string.Join(' ', secrets.Select(s => Sign(s, messageId, timestamp, body)));
}
