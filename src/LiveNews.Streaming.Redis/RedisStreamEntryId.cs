using System.Globalization;

namespace LiveNews.Streaming.Redis;

/// <summary>
/// A Redis stream entry id (<c>milliseconds-sequence</c>) and its place in Orleans' sequence numbers:
/// milliseconds shifted left 16 bits plus the sequence, so that order is kept.
/// </summary>
public readonly record struct RedisStreamEntryId(long Milliseconds, long Sequence) : IComparable<RedisStreamEntryId>
{
    public static readonly RedisStreamEntryId Zero = new(0, 0);

    public static RedisStreamEntryId Parse(string value)
    {
        var dash = value.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? new RedisStreamEntryId(long.Parse(value, CultureInfo.InvariantCulture), 0)
            : new RedisStreamEntryId(long.Parse(value.AsSpan(0, dash), CultureInfo.InvariantCulture), long.Parse(value.AsSpan(dash + 1), CultureInfo.InvariantCulture));
    }

    /// <summary>The Orleans sequence number of this entry.</summary>
    public long ToSequenceNumber() => (Milliseconds << 16) | Math.Min(Sequence, 0xFFFF);

    public static RedisStreamEntryId FromSequenceNumber(long sequenceNumber) => new(sequenceNumber >> 16, sequenceNumber & 0xFFFF);

    public int CompareTo(RedisStreamEntryId other) => Milliseconds != other.Milliseconds ? Milliseconds.CompareTo(other.Milliseconds) : Sequence.CompareTo(other.Sequence);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Milliseconds}-{Sequence}");
}
