using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

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

    /// <summary>Serializes an uncompressed message straight into the output, without an intermediate array.</summary>
    public static void Write(IBufferWriter<byte> output, IMessage message)
    {
        int size = message.CalculateSize();
        Span<byte> frame = output.GetSpan(GrpcFrameReader.PrefixLength + size)[..(GrpcFrameReader.PrefixLength + size)];
        frame[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(frame[1..], (uint)size);
        message.WriteTo(frame[GrpcFrameReader.PrefixLength..]);
        output.Advance(frame.Length);
    }
}
