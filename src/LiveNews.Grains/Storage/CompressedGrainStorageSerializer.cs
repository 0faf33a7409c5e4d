using Orleans.Serialization;
using Orleans.Storage;

namespace LiveNews.Grains.Storage;

/// <summary>
/// Stores grain state compact. With Orleans' own serializer given (as the silos do), state is written in
/// Orleans' binary form (the engine's types inside it as System.Text.Json, LiveNewsSerialization) and
/// compressed with Brotli at its fastest level; a four-byte mark says which form a record is in.
/// Records written before are still read: Brotli over the inner serializer's JSON ("LNz1") and the inner
/// serializer's JSON as it is (no mark). The inner serializer is Orleans' default, Newtonsoft.Json with
/// type names, which took about 9% of the pipeline's time rewriting story states.
/// </summary>
public sealed class CompressedGrainStorageSerializer(IGrainStorageSerializer inner, Serializer? binary = null) : IGrainStorageSerializer
{
    /// <summary>"LNz1": LiveNews, compressed inner JSON (written before 2026-12-01; read only when a binary serializer is given).</summary>
    private static ReadOnlySpan<byte> CompressedJson => "LNz1"u8;

    /// <summary>"LNz2": LiveNews, compressed Orleans binary.</summary>
    private static ReadOnlySpan<byte> CompressedBinary => "LNz2"u8;

    /// <summary>"LNb2": LiveNews, Orleans binary as it is (states too large to compress in a grain's turn).</summary>
    private static ReadOnlySpan<byte> PlainBinary => "LNb2"u8;

    private const int MarkLength = 4;

    /// <summary>State larger than this once decompressed is refused (a corrupt or hostile record).</summary>
    public const int MaxStateBytes = 256 * 1024 * 1024;

    /// <summary>
    /// Larger states are stored uncompressed: compressing them would hold up the grain's turn (an index
    /// shard's snapshot, megabytes, compresses itself off its turn).
    /// </summary>
    public const int MaxCompressedInput = 1024 * 1024;

    public BinaryData Serialize<T>(T? input)
    {
        if (binary is null)
        {
            var serialized = inner.Serialize(input);
            var plain = serialized.ToMemory();
            return plain.Length > MaxCompressedInput ? serialized : new BinaryData(BrotliBytes.Compress(plain.Span, CompressedJson));
        }

        var bytes = binary.SerializeToArray(input);
        if (bytes.Length > MaxCompressedInput)
        {
            var marked = new byte[MarkLength + bytes.Length];
            PlainBinary.CopyTo(marked);
            bytes.CopyTo(marked.AsSpan(MarkLength));
            return new BinaryData(marked);
        }

        return new BinaryData(BrotliBytes.Compress(bytes, CompressedBinary));
    }

    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var bytes = input.ToMemory();
        var mark = bytes.Span[..Math.Min(MarkLength, bytes.Length)];
        if (mark.SequenceEqual(CompressedBinary))
        {
            return FromBinary<T>(BrotliBytes.Decompress(bytes[MarkLength..], MaxStateBytes));
        }

        if (mark.SequenceEqual(PlainBinary))
        {
            return FromBinary<T>(bytes[MarkLength..]);
        }

        if (mark.SequenceEqual(CompressedJson))
        {
            return inner.Deserialize<T>(new BinaryData(BrotliBytes.Decompress(bytes[MarkLength..], MaxStateBytes)));
        }

        return inner.Deserialize<T>(input);
    }

    private T? FromBinary<T>(ReadOnlyMemory<byte> bytes)
    {
        if (binary is null)
        {
            throw new InvalidDataException("the record is in Orleans' binary form, and no binary serializer was given");
        }

        try
        {
            return binary.Deserialize<T>(bytes);
        }
        catch (Exception ex) when (ex is not (InvalidDataException or OutOfMemoryException))
        {
            throw new InvalidDataException("stored state is not a readable record: " + ex.Message, ex);
        }
    }
}
