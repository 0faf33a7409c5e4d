using System.IO.Compression;

namespace LiveNews.Grains.Storage;

/// <summary>Brotli over byte arrays, bounded when decompressing (stored data may be corrupt or hostile).</summary>
public static class BrotliBytes
{
    /// <summary>Compresses at the fastest level (states are written often, read rarely).</summary>
    public static byte[] Compress(ReadOnlySpan<byte> plain, ReadOnlySpan<byte> prefix = default)
    {
        using var output = new MemoryStream((plain.Length / 4) + prefix.Length + 16);
        output.Write(prefix);
        using (var brotli = new BrotliStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            brotli.Write(plain);
        }

        return output.ToArray();
    }

    /// <summary>Decompresses; <see cref="InvalidDataException"/> when the data is not Brotli or grows beyond <paramref name="maxBytes"/>.</summary>
    public static ReadOnlyMemory<byte> Decompress(ReadOnlyMemory<byte> compressed, int maxBytes)
    {
        using var input = new MemoryStream(compressed.ToArray(), writable: false);
        using var brotli = new BrotliStream(input, CompressionMode.Decompress);
        using var plain = new MemoryStream();
        var buffer = new byte[81920];
        try
        {
            int read;
            while ((read = brotli.Read(buffer)) > 0)
            {
                if (plain.Length + read > maxBytes)
                {
                    throw new InvalidDataException($"stored data decompresses to more than {maxBytes} bytes");
                }

                plain.Write(buffer, 0, read);
            }
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidDataException("stored data is not valid compressed data", ex);
        }

        return plain.GetBuffer().AsMemory(0, (int)plain.Length);
    }
}
