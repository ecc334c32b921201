using System.Buffers.Binary;

namespace Hotline.Telephony.Media.Rtp;

/// <summary>
/// Parses RTP datagrams (RFC 3550 §5.1). One datagram is one packet, so there is no "need more data":
/// a datagram is either a whole packet or malformed, and malformed input gets a typed reason.
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |V=2|P|X|  CC   |M|     PT      |       sequence number         |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                           timestamp                           |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |           synchronization source (SSRC) identifier            |
/// +=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+=+
/// |            contributing source (CSRC) identifiers             |
/// |                             ....  (CC × 32 bits)              |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |  defined by profile (X=1)     |  extension length (32-bit words) | §5.3.1
/// |                        header extension ...                    |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |                       payload ...     | padding | pad count (P=1) |
/// </code>
/// </summary>
public static class RtpPacketReader
{
    public static bool TryParse(ReadOnlySpan<byte> datagram, out RtpHeader header, out RtpParseError error)
    {
        header = default;
        if (datagram.Length < RtpHeader.FixedLength)
        {
            error = RtpParseError.TooShort;
            return false;
        }

        byte first = datagram[0];
        if (first >> 6 != RtpHeader.Version)
        {
            error = RtpParseError.BadVersion;
            return false;
        }

        bool padding = (first & 0x20) != 0;
        bool extension = (first & 0x10) != 0;
        int csrcCount = first & 0x0F;
        bool marker = (datagram[1] & 0x80) != 0;
        byte payloadType = (byte)(datagram[1] & 0x7F);

        // RFC 5761 §4: with RTP and RTCP multiplexed, second-byte values 200–204 (PT 72–76 with M set) are RTCP.
        if (payloadType is >= 72 and <= 76)
        {
            error = RtpParseError.RtcpPayloadType;
            return false;
        }

        int offset = RtpHeader.FixedLength + (4 * csrcCount);
        if (offset > datagram.Length)
        {
            error = RtpParseError.TruncatedCsrcList;
            return false;
        }

        if (extension)
        {
            // RFC 3550 §5.3.1: 16-bit profile field, 16-bit length counted in 32-bit words excluding this word.
            if (offset + 4 > datagram.Length)
            {
                error = RtpParseError.TruncatedExtension;
                return false;
            }

            int words = BinaryPrimitives.ReadUInt16BigEndian(datagram[(offset + 2)..]);
            offset += 4 + (4 * words);
            if (offset > datagram.Length)
            {
                error = RtpParseError.TruncatedExtension;
                return false;
            }
        }

        int end = datagram.Length;
        if (padding)
        {
            // RFC 3550 §5.1: the last octet counts the padding octets, itself included, so it is at least 1.
            int padCount = datagram[^1];
            if (padCount == 0 || padCount > end - offset)
            {
                error = RtpParseError.BadPadding;
                return false;
            }

            end -= padCount;
        }

        header = new RtpHeader(
            padding,
            extension,
            csrcCount,
            marker,
            payloadType,
            BinaryPrimitives.ReadUInt16BigEndian(datagram[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(datagram[4..]),
            BinaryPrimitives.ReadUInt32BigEndian(datagram[8..]),
            offset,
            end - offset);
        error = RtpParseError.None;
        return true;
    }
}
