using System.Text.RegularExpressions;

namespace LiveNews.Text.Furniture;

/// <summary>
/// Removes furniture that scrapers glue into the middle of a line: photo credits ("Credit Credit…
/// Pool photo by Evelyn Hockstein"), time stamps ("Updated 1:47 p.m. ET"), "Advertisement" markers.
/// </summary>
public static partial class InlineFurniture
{
    /// <summary>The line without inline furniture, white space folded.</summary>
    public static string Strip(string line)
    {
        if (line.Length < 8 || !MayHoldFurniture(line))
        {
            return line;
        }

        var result = Credit().Replace(line, " ");
        result = Stamp().Replace(result, " ");
        result = Marker().Replace(result, " ");
        return result.Length == line.Length ? line : Spaces().Replace(result, " ").Trim();
    }

    private static bool MayHoldFurniture(string line) =>
        line.Contains("Credit", StringComparison.Ordinal) || line.Contains("hoto", StringComparison.Ordinal)
        || line.Contains("Updated", StringComparison.Ordinal) || line.Contains("Published", StringComparison.Ordinal)
        || line.Contains("ADVERTISEMENT", StringComparison.Ordinal);

    [GeneratedRegex(@"(\bCredit\b\s*){1,2}…?\s*|(\b(Pool|File|AP|AFP|Reuters|Getty)\s+)?\b[Pp]hoto(graph)?s?\s+by\s+(\p{Lu}[\p{L}.'-]+\s*){1,4}(for\s+(The\s+)?(\p{Lu}[\p{L}.'-]+\s*){1,4})?", RegexOptions.CultureInvariant)]
    private static partial Regex Credit();

    [GeneratedRegex(@"(\b(Jan|Feb|Mar|Apr|May|June?|July?|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+)?\b\d{1,2},\s+\d{4}\s+(Updated|Published)\s+\d{1,2}:\d{2}\s*[ap]\.?m\.?\s*(ET|EST|EDT|GMT|UTC|BST|CET)?\s*|\b(Updated|Published)\s+\d{1,2}:\d{2}\s*[ap]\.?m\.?\s*(ET|EST|EDT|GMT|UTC|BST|CET)?\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Stamp();

    [GeneratedRegex(@"\b(SKIP\s+)?ADVERTISEMENT\b", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();
}
