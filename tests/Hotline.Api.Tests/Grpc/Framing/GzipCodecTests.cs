using System.Buffers;
using System.Text;
using Hotline.Api.Grpc.Framing;

namespace Hotline.Api.Tests.Grpc.Framing;

public sealed class GzipCodecTests
{
    [Fact]
    public void Decompress_OfCompress_RoundTrips()
    {
        byte[] original = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("工单 dispatched; ", 500)));

        byte[] compressed = GzipCodec.Compress(original);
        byte[]? restored = GzipCodec.Decompress(new ReadOnlySequence<byte>(compressed), original.Length);

        Assert.True(compressed.Length < original.Length);
        Assert.Equal(original, restored);
    }

    [Fact]
    public void Decompress_InflatesPastLimit_ReturnsNull()
    {
        byte[] bomb = GzipCodec.Compress(new byte[1_000_000]);

        Assert.Null(GzipCodec.Decompress(new ReadOnlySequence<byte>(bomb), 64 * 1024));
    }

    [Fact]
    public void Decompress_NotGzip_Throws()
    {
        Assert.Throws<InvalidDataException>(() => GzipCodec.Decompress(new ReadOnlySequence<byte>("not gzip at all"u8.ToArray()), 1024));
    }
}
