namespace Hotline.Telephony.Sip;

/// <summary>When calls the edge places to phones offer SRTP (Sip:OfferSrtp).</summary>
public enum SrtpOfferMode
{
    /// <summary>Plain RTP/AVP to every phone; a phone that insists on SRTP cannot be rung.</summary>
    Never,

    /// <summary>
    /// RTP/SAVP with SDES keys to a phone that registered over TLS and is rung over TLS, so the keys in the SDP
    /// never cross the network in clear (RFC 4568 §8.3: SDES needs a secure signalling channel).
    /// </summary>
    Tls,

    /// <summary>RTP/SAVP to every phone, over any transport: keys sent over UDP/TCP can be read on the path (labs only).</summary>
    Always,
}
