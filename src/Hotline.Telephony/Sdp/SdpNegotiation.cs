namespace Hotline.Telephony.Sdp;

/// <summary>The outcome of an offer/answer exchange for the one audio stream we relay; <see cref="Srtp"/> set when it is SRTP.</summary>
public sealed record SdpNegotiation(
    SessionDescription Local,
    RtpMap Codec,
    int? TelephoneEventPayloadType,
    string RemoteAddress,
    int RemotePort,
    MediaDirection LocalDirection,
    Media.Srtp.SrtpKeys? Srtp = null)
{
    /// <summary>We may send to the peer.</summary>
    public bool Sends => LocalDirection is MediaDirection.SendRecv or MediaDirection.SendOnly;

    /// <summary>The peer will send to us.</summary>
    public bool Receives => LocalDirection is MediaDirection.SendRecv or MediaDirection.RecvOnly;

    /// <summary>The peer put us on hold (it no longer sends, RFC 3264 §8.4).</summary>
    public bool HeldByPeer => !Receives;
}
