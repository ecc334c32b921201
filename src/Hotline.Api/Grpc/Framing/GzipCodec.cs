using System.Buffers;
using System.IO.Compression;

namespace Hotline.Api.Grpc.Framing;

/// <summary>The "gzip" message encoding (grpc doc/compression.md): each compressed message is one gzip member.</summary>
internal static class GzipCodec
{
    public static byte[] Compress(ReadOnlySpan<byte> payload)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(payload);
        }

        return output.ToArray();
    }

    /// <summary>Inflates <paramref name="compressed"/>; null when the result would exceed
    /// <paramref name="maxLength"/> (a small frame may inflate to gigabytes). Throws
    /// <see cref="InvalidDataException"/> on corrupt data.</summary>
    public static byte[]? Decompress(ReadOnlySequence<byte> compressed, int maxLength)
    {
        using var input = new MemoryStream(compressed.ToArray(), writable: false);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        byte[] chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > maxLength)
                {
                    return null;
                }

                output.Write(chunk, 0, read);
            }

            return output.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }
}
