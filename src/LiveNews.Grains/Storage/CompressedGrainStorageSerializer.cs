using Orleans.Storage;

namespace LiveNews.Grains.Storage;

/// <summary>
/// Stores grain state compressed: another <see cref="IGrainStorageSerializer"/> writes it, Brotli (fastest
/// level) shrinks it, and a four-byte mark tells compressed state from state written before this existed,
/// which is read as it is. A story's state is mostly repeated JSON (fact texts, word lists, type names);
/// in memory storage it was about 50 KiB a story, and compressed it is a fraction of that.
/// </summary>
public sealed class CompressedGrainStorageSerializer(IGrainStorageSerializer inner) : IGrainStorageSerializer
{
    /// <summary>"LNz1": LiveNews, compressed, format 1.</summary>
    private static ReadOnlySpan<byte> Mark => "LNz1"u8;

    /// <summary>State larger than this once decompressed is refused (a corrupt or hostile record).</summary>
    public const int MaxStateBytes = 256 * 1024 * 1024;

    /// <summary>
    /// Larger states are stored as they are: compressing them would hold up the grain's turn (an index
    /// shard's snapshot, megabytes, compresses itself off its turn).
    /// </summary>
    public const int MaxCompressedInput = 1024 * 1024;

    public BinaryData Serialize<T>(T? input)
    {
        var serialized = inner.Serialize(input);
        var plain = serialized.ToMemory();
        if (plain.Length > MaxCompressedInput)
        {
            return serialized;
        }

        return new BinaryData(BrotliBytes.Compress(plain.Span, Mark));
    }

    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = input.ToMemory();
        if (!bytes.Span.StartsWith(Mark))
        {
            return inner.Deserialize<T>(input);
        }

        return inner.Deserialize<T>(new BinaryData(BrotliBytes.Decompress(bytes[Mark.Length..], MaxStateBytes)));
    }
}
