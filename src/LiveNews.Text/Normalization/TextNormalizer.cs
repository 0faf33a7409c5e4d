using System.Globalization;
using System.Text;

namespace LiveNews.Text.Normalization;

/// <summary>
/// Normalises raw article text: Unicode (NFKC), typographic quotes and dashes, invisible characters and
/// white space. Paragraph breaks (blank lines) and line breaks are kept; runs of spaces are folded.
/// </summary>
public static class TextNormalizer
{
    /// <summary>Returns <paramref name="text"/> normalised; never null.</summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var source = text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(source.Length);
        var pendingSpace = false;
        var newlines = 0;
        foreach (var raw in source)
        {
            var c = MapCharacter(raw);
            if (c == '\0')
            {
                continue;
            }

            if (c == '\n')
            {
                pendingSpace = false;
                newlines++;
                continue;
            }

            if (c == ' ')
            {
                pendingSpace = true;
                continue;
            }

            if (newlines > 0)
            {
                if (sb.Length > 0)
                {
                    sb.Append(newlines > 1 ? "\n\n" : "\n");
                }

                newlines = 0;
                pendingSpace = false;
            }
            else if (pendingSpace && sb.Length > 0)
            {
                sb.Append(' ');
            }

            pendingSpace = false;
            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Maps one character to its plain form: ' ' for any space, '\n' for line breaks, '\0' to drop.</summary>
    internal static char MapCharacter(char c)
    {
        switch (c)
        {
            case '\r':
            case '\u2028':
            case '\u2029':
            case '\u0085':
            case '\n':
                return '\n';
            case '\t':
            case '\u00A0':
            case '\u2007':
            case '\u202F':
            case '\u3000':
                return ' ';
            case '\u200B':
            case '\u200C':
            case '\u200D':
            case '\u2060':
            case '\uFEFF':
            case '\u00AD':
                return '\0';
            case '\u2018':
            case '\u2019':
            case '\u201A':
            case '\u201B':
            case '\u2032':
            case '\u02BC':
            case '`':
                return '\'';
            case '\u201C':
            case '\u201D':
            case '\u201E':
            case '\u201F':
            case '\u00AB':
            case '\u00BB':
            case '\u2033':
                return '"';
            case '\u2010':
            case '\u2011':
            case '\u2012':
            case '\u2013':
            case '\u2014':
            case '\u2015':
            case '\u2212':
                return '-';
            case '\u2026':
                return '…';
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        if (category == UnicodeCategory.SpaceSeparator)
        {
            return ' ';
        }

        if (category is UnicodeCategory.Control or UnicodeCategory.Format)
        {
            return '\0';
        }

        return c;
    }
}
