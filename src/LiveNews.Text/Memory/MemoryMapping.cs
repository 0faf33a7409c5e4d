using System.Globalization;

namespace LiveNews.Text.Memory;

/// <summary>One line of /proc/self/maps: an address range, whether it may be written, and whether it maps no file.</summary>
public readonly record struct MemoryMapping(long Start, long End, bool Writable, bool Anonymous)
{
    /// <summary>The range's length in bytes.</summary>
    public long Length => End - Start;

    /// <summary>Reads a line such as "7f0e..-7f1a.. rw-p 00000000 00:00 0"; null when it is not one.</summary>
    public static MemoryMapping? Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 5)
        {
            return null;
        }

        var dash = fields[0].IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0
            || !long.TryParse(fields[0].AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var start)
            || !long.TryParse(fields[0].AsSpan(dash + 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var end)
            || end <= start || fields[1].Length < 4)
        {
            return null;
        }

        // Anonymous: no inode and no name ("[stack]" and "[heap]" are named: they are not the managed heap).
        var anonymous = fields[4] == "0" && (fields.Length < 6 || string.IsNullOrWhiteSpace(fields[5]));
        return new MemoryMapping(start, end, fields[1][1] == 'w', anonymous);
    }
}
