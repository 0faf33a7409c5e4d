using System.Globalization;
using System.Text;

namespace LiveNews.Feeds.Tests.Corpus;

/// <summary>Reads the Python literals of feedparser's Expect lines: strings (u'', '', ""), numbers, tuples.</summary>
internal static class PythonLiteral
{
    public static bool TryParse(string text, out object? value)
    {
        var i = 0;
        var ok = TryRead(text.Trim(), ref i, out value);
        return ok && i == text.Trim().Length;
    }

    private static bool TryRead(string s, ref int i, out object? value)
    {
        value = null;
        SkipSpaces(s, ref i);
        if (i >= s.Length)
        {
            return false;
        }

        if (s[i] is 'u' or 'b' or 'r' && i + 1 < s.Length && s[i + 1] is '\'' or '"')
        {
            i++;
        }

        if (s[i] is '\'' or '"')
        {
            var quote = s[i++];
            var sb = new StringBuilder();
            while (i < s.Length && s[i] != quote)
            {
                if (s[i] == '\\' && i + 1 < s.Length)
                {
                    i++;
                    switch (s[i])
                    {
                        case 'n': sb.Append('\n'); i++; break;
                        case 't': sb.Append('\t'); i++; break;
                        case 'r': sb.Append('\r'); i++; break;
                        case 'x': sb.Append((char)int.Parse(s.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); i += 3; break;
                        case 'u': sb.Append((char)int.Parse(s.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture)); i += 5; break;
                        case 'U': sb.Append(char.ConvertFromUtf32(int.Parse(s.AsSpan(i + 1, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture))); i += 9; break;
                        default: sb.Append(s[i]); i++; break;
                    }
                }
                else
                {
                    sb.Append(s[i++]);
                }
            }

            if (i >= s.Length)
            {
                return false;
            }

            i++;
            value = sb.ToString();
            return true;
        }

        if (s[i] == '(')
        {
            i++;
            var items = new List<object?>();
            while (true)
            {
                SkipSpaces(s, ref i);
                if (i < s.Length && s[i] == ')')
                {
                    i++;
                    value = items;
                    return true;
                }

                if (!TryRead(s, ref i, out var item))
                {
                    return false;
                }

                items.Add(item);
                SkipSpaces(s, ref i);
                if (i < s.Length && s[i] == ',')
                {
                    i++;
                }
            }
        }

        var start = i;
        while (i < s.Length && (char.IsDigit(s[i]) || s[i] is '-' or '.'))
        {
            i++;
        }

        if (i > start && long.TryParse(s.AsSpan(start, i - start), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
        {
            value = number;
            return true;
        }

        return false;
    }

    private static void SkipSpaces(string s, ref int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i]))
        {
            i++;
        }
    }
}
