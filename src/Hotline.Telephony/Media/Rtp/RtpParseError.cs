namespace Hotline.Telephony.Media.Rtp;

/// <summary>Why a datagram is not a usable RTP packet (RFC 3550 §5.1, §A.1 validity checks).</summary>
public enum RtpParseError
{
    None,

    /// <summary>Fewer than the 12 fixed header bytes.</summary>
    TooShort,

    /// <summary>Version field is not 2.</summary>
    BadVersion,

    /// <summary>The CSRC list announced by CC runs past the datagram.</summary>
    TruncatedCsrcList,

    /// <summary>The header extension announced by X runs past the datagram.</summary>
    TruncatedExtension,

    /// <summary>The padding count is zero or larger than the bytes after the header.</summary>
    BadPadding,

    /// <summary>Payload types 72–76 collide with RTCP packet types (RFC 5761 §4); such a datagram is RTCP.</summary>
    RtcpPayloadType,
}
