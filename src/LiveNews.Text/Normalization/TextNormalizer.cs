using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
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

        // Plain ASCII is already in NFKC form: most news text skips the Unicode tables.
        var source = Ascii.IsValid(text) || text.IsNormalized(NormalizationForm.FormKC) ? text : text.Normalize(NormalizationForm.FormKC);

        // Each character gives at most one, and a run of line breaks or spaces at most as many as it had:
        // the result fits in the source's length.
        var rented = source.Length > 1024 ? ArrayPool<char>.Shared.Rent(source.Length) : null;
        var buffer = rented is null ? stackalloc char[source.Length] : rented.AsSpan(0, source.Length);
        var length = 0;
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
                if (length > 0)
                {
                    buffer[length++] = '\n';
                    if (newlines > 1)
                    {
                        buffer[length++] = '\n';
                    }
                }

                newlines = 0;
                pendingSpace = false;
            }
            else if (pendingSpace && length > 0)
            {
                buffer[length++] = ' ';
            }

            pendingSpace = false;
            buffer[length++] = c;
        }

        var result = length == source.Length && buffer.SequenceEqual(source) ? source : new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>Maps one character to its plain form: ' ' for any space, '\n' for line breaks, '\0' to drop.</summary>
    /// <remarks>
    /// ASCII, inlined into the normaliser's loop (almost every character of news is ASCII): printable
    /// characters stay (the backtick is an apostrophe); of the controls, line breaks and tabs become white
    /// space and the rest are dropped (as their category says).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static char MapCharacter(char c) =>
        c < 0x80
            ? c >= 0x20
                ? c == '`' ? '\'' : c == '\x7F' ? '\0' : c
                : c is '\n' or '\r' ? '\n' : c == '\t' ? ' ' : '\0'
            : MapOther(c);

    private static char MapOther(char c)
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
