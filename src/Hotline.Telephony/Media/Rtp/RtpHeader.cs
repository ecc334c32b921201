namespace Hotline.Telephony.Media.Rtp;

/// <summary>
/// The fixed RTP header fields of one packet plus where its payload lies in the datagram.
/// Parsing never copies: <see cref="PayloadOffset"/> and <see cref="PayloadLength"/> index the original buffer.
/// </summary>
public readonly record struct RtpHeader(
    bool Padding,
    bool Extension,
    int CsrcCount,
    bool Marker,
    byte PayloadType,
    ushort SequenceNumber,
    uint Timestamp,
    uint Ssrc,
    int PayloadOffset,
    int PayloadLength)
{
    /// <summary>RFC 3550 §5.1: the only version in use.</summary>
    public const int Version = 2;

    /// <summary>Size of the fixed part of the header.</summary>
    public const int FixedLength = 12;
}
