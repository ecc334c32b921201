namespace Hotline.Telephony.Media.Srtp;

/// <summary>What checking an arrived SRTCP packet found; anything but <see cref="Accepted"/> drops it.</summary>
public enum SrtcpCheck
{
    /// <summary>Authentic and new: decrypted (when its E flag said it was encrypted) to plain RTCP.</summary>
    Accepted,

    /// <summary>Shorter than an RTCP header, the E flag with SRTCP index, and the tag (22 bytes).</summary>
    TooShort,

    /// <summary>Not RTCP version 2 with a packet type of 200–204.</summary>
    NotRtcp,

    /// <summary>The tag does not match: forged, corrupted, or under another key.</summary>
    AuthenticationFailed,

    /// <summary>An SRTCP index already received, or too far behind the newest to tell (RFC 3711 §3.3.2).</summary>
    Replay,
}
