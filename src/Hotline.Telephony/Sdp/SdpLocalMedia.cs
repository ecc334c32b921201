namespace Hotline.Telephony.Sdp;

/// <summary>What our side of one leg offers or accepts: where we receive RTP and what we can decode.</summary>
public sealed record SdpLocalMedia
{
    /// <summary>The IPv4 address the relay leg listens on (goes into o= and c=).</summary>
    public required string Address { get; init; }

    /// <summary>The relay leg's RTP port.</summary>
    public required int Port { get; init; }

    /// <summary>Stable per dialog (RFC 3264 §5: o= session id); SessionVersion grows with each new offer or answer (§8).</summary>
    public required string SessionId { get; init; }

    public ulong SessionVersion { get; init; }

    /// <summary>Audio codecs we accept, most preferred first.</summary>
    public IReadOnlyList<RtpMap> Codecs { get; init; } = [RtpMap.Pcmu, RtpMap.Pcma];

    /// <summary>Dynamic payload type we use for RFC 4733 events when we make the offer.</summary>
    public int TelephoneEventPayloadType { get; init; } = 101;

    /// <summary>Packetisation time we send (RFC 3551 §4.5: 20 ms is the G.711 default).</summary>
    public int Ptime { get; init; } = 20;

    /// <summary>
    /// Our SDES key (RFC 4568) for a peer that offers SRTP, and what makes our own offers RTP/SAVP; null
    /// refuses RTP/SAVP offers, answers plain RTP to offers that merely include a=crypto, and offers RTP/AVP.
    /// </summary>
    public Media.Srtp.SrtpMasterKey? SrtpKey { get; init; }

    /// <summary>What we want to do: sendrecv normally, sendonly to put the peer on hold.</summary>
    public MediaDirection Direction { get; init; } = MediaDirection.SendRecv;
}
