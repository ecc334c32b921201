using System.Buffers;
using System.Buffers.Binary;

namespace Hotline.Api.Grpc.Framing;

/// <summary>Writes one Length-Prefixed-Message; the layout is drawn on <see cref="GrpcFrameReader"/>.</summary>
internal static class GrpcFrameWriter
{
    public static void Write(IBufferWriter<byte> output, ReadOnlySpan<byte> payload, bool compressed)
    {
        Span<byte> prefix = output.GetSpan(GrpcFrameReader.PrefixLength);
        prefix[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(prefix[1..], (uint)payload.Length);
        output.Advance(GrpcFrameReader.PrefixLength);
        output.Write(payload);
    }
}
