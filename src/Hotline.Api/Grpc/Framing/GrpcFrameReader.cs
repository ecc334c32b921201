using System.Buffers;
using System.Buffers.Binary;

namespace Hotline.Api.Grpc.Framing;

/// <summary>
/// Reads one Length-Prefixed-Message (gRPC over HTTP/2, PROTOCOL-HTTP2.md "Requests"/"Responses"):
/// <code>
///  0        1        2        3        4        5
/// +--------+--------+--------+--------+--------+----------------------------+
/// | flag   |   message length, 4 bytes, big-endian, unsigned | message ...   |
/// +--------+--------+--------+--------+--------+----------------------------+
///   flag: 0 = uncompressed, 1 = compressed with the call's grpc-encoding
/// </code>
/// </summary>
internal static class GrpcFrameReader
{
    public const int PrefixLength = 5;

    /// <summary>
    /// Reads a frame from the start of <paramref name="buffer"/> and, when complete, slices it off.
    /// Checks the declared length against <paramref name="maxMessageLength"/> as soon as the prefix
    /// is there, so an oversized message is refused before any of it is buffered.
    /// </summary>
    public static FrameReadResult TryRead(
        ref ReadOnlySequence<byte> buffer, int maxMessageLength, out GrpcFrame frame, out long declaredLength)
    {
        frame = default;
        declaredLength = 0;
        if (buffer.Length < PrefixLength)
        {
            return FrameReadResult.NeedMoreData;
        }

        Span<byte> prefix = stackalloc byte[PrefixLength];
        buffer.Slice(0, PrefixLength).CopyTo(prefix);
        byte flag = prefix[0];
        if (flag > 1)
        {
            return FrameReadResult.InvalidFlag;
        }

        declaredLength = BinaryPrimitives.ReadUInt32BigEndian(prefix[1..]);
        if (declaredLength > maxMessageLength)
        {
            return FrameReadResult.TooLarge;
        }

        if (buffer.Length - PrefixLength < declaredLength)
        {
            return FrameReadResult.NeedMoreData;
        }

        frame = new GrpcFrame(flag == 1, buffer.Slice(PrefixLength, declaredLength));
        buffer = buffer.Slice(PrefixLength + declaredLength);
        return FrameReadResult.Complete;
    }
}
