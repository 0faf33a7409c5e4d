using System.Text;
using System.Text.RegularExpressions;

namespace LiveNews.Feeds.Parsing;

/// <summary>
/// Decodes a feed's bytes: byte-order mark, then the HTTP charset, then the XML declaration, then a
/// sniff (strict UTF-8, else Windows-1252). A legacy single-byte charset declared for bytes that are
/// valid multi-byte UTF-8 is taken to be a mistake (a wrong prolog) and UTF-8 wins.
/// </summary>
public static partial class FeedCharset
{
    static FeedCharset()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="body"/>; returns the text and the name of the encoding used.</summary>
    public static (string Text, string Encoding) Decode(ReadOnlySpan<byte> body, string? contentType)
    {
        if (TryBom(body, out var bomEncoding, out var bomLength))
        {
            return (bomEncoding.GetString(body[bomLength..]), bomEncoding.WebName);
        }

        var declared = FromName(CharsetFromContentType(contentType)) ?? FromName(CharsetFromDeclaration(body));
        if (declared is not null && !(declared.IsSingleByte && IsMultiByteUtf8(body)))
        {
            return (declared.GetString(body), declared.WebName);
        }

        if (IsValidUtf8(body))
        {
            return (Encoding.UTF8.GetString(body), "utf-8");
        }

        var fallback = Encoding.GetEncoding(1252);
        return (fallback.GetString(body), fallback.WebName);
    }

    /// <summary>The charset parameter of a Content-Type header, if any.</summary>
    public static string? CharsetFromContentType(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return null;
        }

        var match = HeaderCharset().Match(contentType);
        return match.Success ? match.Groups[1].Value.Trim() : null;
    }

    private static string? CharsetFromDeclaration(ReadOnlySpan<byte> body)
    {
        var head = Encoding.ASCII.GetString(body[..Math.Min(body.Length, 512)]);
        var match = DeclarationEncoding().Match(head);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static Encoding? FromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        try
        {
            return Encoding.GetEncoding(name.Trim().Trim('"', '\''));
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static bool TryBom(ReadOnlySpan<byte> body, out Encoding encoding, out int length)
    {
        if (body.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            (encoding, length) = (Encoding.UTF8, 3);
            return true;
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            (encoding, length) = (Encoding.UTF32, 4);
            return true;
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            (encoding, length) = (Encoding.Unicode, 2);
            return true;
        }

        if (body.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            (encoding, length) = (Encoding.BigEndianUnicode, 2);
            return true;
        }

        (encoding, length) = (Encoding.UTF8, 0);
        return false;
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> body)
    {
        try
        {
            StrictUtf8.GetCharCount(body);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool IsMultiByteUtf8(ReadOnlySpan<byte> body)
    {
        var hasHighBytes = false;
        foreach (var b in body)
        {
            if (b >= 0x80)
            {
                hasHighBytes = true;
                break;
            }
        }

        return hasHighBytes && IsValidUtf8(body);
    }

    [GeneratedRegex(@"charset\s*=\s*[""']?([\w.:\-]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HeaderCharset();

    [GeneratedRegex(@"^\s*<\?xml[^>]*encoding\s*=\s*[""']([\w.:\-]+)[""']", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DeclarationEncoding();
}
