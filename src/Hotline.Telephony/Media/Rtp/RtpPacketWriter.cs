using System.Buffers.Binary;

namespace Hotline.Telephony.Media.Rtp;

/// <summary>
/// Writes RTP packets as we send them: fixed header only (no CSRCs, no extension, no padding), which is all
/// a B2BUA-originated stream needs (RFC 3550 §5.1). Layout is drawn on <see cref="RtpPacketReader"/>.
/// </summary>
public static class RtpPacketWriter
{
    /// <summary>Writes header and payload into <paramref name="destination"/>; returns bytes written.</summary>
    public static int Write(
        Span<byte> destination,
        byte payloadType,
        bool marker,
        ushort sequenceNumber,
        uint timestamp,
        uint ssrc,
        ReadOnlySpan<byte> payload)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(payloadType, (byte)127);
        int length = RtpHeader.FixedLength + payload.Length;
        if (destination.Length < length)
        {
            throw new ArgumentException($"Need {length} bytes, have {destination.Length}.", nameof(destination));
        }

        destination[0] = RtpHeader.Version << 6;
        destination[1] = (byte)((marker ? 0x80 : 0) | payloadType);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], sequenceNumber);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], timestamp);
        BinaryPrimitives.WriteUInt32BigEndian(destination[8..], ssrc);
        payload.CopyTo(destination[RtpHeader.FixedLength..]);
        return length;
    }
}
