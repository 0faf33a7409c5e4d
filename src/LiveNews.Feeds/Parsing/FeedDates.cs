using System.Globalization;
using System.Text.RegularExpressions;

namespace LiveNews.Feeds.Parsing;

/// <summary>Reads the dates feeds write: RFC 822/1123 (with its time-zone names), ISO 8601 / W3C-DTF, and common slips.</summary>
public static partial class FeedDates
{
    private static readonly Dictionary<string, string> Zones = new(StringComparer.OrdinalIgnoreCase)
    {
        ["GMT"] = "+00:00", ["UT"] = "+00:00", ["UTC"] = "+00:00", ["Z"] = "+00:00",
        ["EST"] = "-05:00", ["EDT"] = "-04:00", ["CST"] = "-06:00", ["CDT"] = "-05:00",
        ["MST"] = "-07:00", ["MDT"] = "-06:00", ["PST"] = "-08:00", ["PDT"] = "-07:00",
        ["CET"] = "+01:00", ["CEST"] = "+02:00", ["BST"] = "+01:00", ["IST"] = "+05:30", ["JST"] = "+09:00",
        ["AEST"] = "+10:00", ["AEDT"] = "+11:00", ["MSK"] = "+03:00",
    };

    private static readonly string[] Formats =
    [
        "d MMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm zzz", "d MMM yy HH:mm:ss zzz", "d MMM yy HH:mm zzz",
        "d MMMM yyyy HH:mm:ss zzz", "d MMM yyyy HH:mm:ss", "d MMM yyyy", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd", "yyyy-MM", "yyyy", "yyyyMMdd'T'HHmmsszzz",
    ];

    /// <summary>The date, or null when the text is not one.</summary>
    public static DateTimeOffset? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 100)
        {
            return null;
        }

        var s = text.Trim();

        // Drop the day name ("Tue, ") and normalise the zone ("GMT", "+0000", "EST") to +hh:mm.
        s = DayName().Replace(s, "");
        s = ZoneName().Replace(s, m => Zones.TryGetValue(m.Groups[1].Value, out var offset) ? " " + offset : m.Value);
        s = CompactOffset().Replace(s, m => $"{m.Groups[1].Value}{m.Groups[2].Value}:{m.Groups[3].Value}");
        s = s.Replace(" Sept ", " Sep ", StringComparison.OrdinalIgnoreCase).Replace(",", " ", StringComparison.Ordinal);
        s = Spaces().Replace(s, " ").Trim();
        if (s.EndsWith('Z'))
        {
            s = s[..^1] + "+00:00";
        }

        if (DateTimeOffset.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var exact))
        {
            return exact.ToUniversalTime();
        }

        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces | DateTimeStyles.AssumeUniversal, out var loose))
        {
            return loose.ToUniversalTime();
        }

        return null;
    }

    [GeneratedRegex(@"^[A-Za-z]{3,9},?\s+(?=\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DayName();

    [GeneratedRegex(@"\s+([A-Za-z]{1,4})$", RegexOptions.CultureInvariant)]
    private static partial Regex ZoneName();

    [GeneratedRegex(@"([+-])(\d{2}):?(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex CompactOffset();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
