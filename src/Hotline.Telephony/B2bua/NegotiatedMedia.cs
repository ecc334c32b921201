using System.Net;
using Hotline.Telephony.Media.Srtp;
using Hotline.Telephony.Sdp;

namespace Hotline.Telephony.B2bua;

/// <summary>
/// Where the called party receives RTP and what it agreed to: PCMU (0) or PCMA (8), RFC 4733 events if any,
/// and the SDES keys when the leg is SRTP (the owner secures the relay leg that faces the party with them).
/// </summary>
internal sealed record NegotiatedMedia(IPEndPoint RemoteRtp, byte PayloadType, byte? TelephoneEventPayloadType, SrtpKeys? Srtp = null)
{
    /// <summary>
    /// The media an exchange agreed. A hold address (c=0.0.0.0, RFC 3264 §8.4) or port 0 keeps the previous
    /// remote address, since nothing should be sent there; null when the address is not an IP literal.
    /// </summary>
    public static NegotiatedMedia? From(SdpNegotiation negotiation, NegotiatedMedia? previous)
    {
        if (!IPAddress.TryParse(negotiation.RemoteAddress, out var address))
        {
            return null;
        }
        var remote = new IPEndPoint(address, negotiation.RemotePort);
        if ((address.Equals(IPAddress.Any) || negotiation.RemotePort == 0) && previous is not null)
        {
            remote = previous.RemoteRtp;
        }
        var events = negotiation.TelephoneEventPayloadType is { } pt ? (byte?)pt : null;
        return new NegotiatedMedia(remote, (byte)negotiation.Codec.PayloadType, events, SameKeys(negotiation.Srtp, previous?.Srtp));
    }

    /// <summary>The previous keys when a re-INVITE repeated them, so an unchanged session compares equal.</summary>
    private static SrtpKeys? SameKeys(SrtpKeys? agreed, SrtpKeys? previous) =>
        agreed is not null && previous is not null && agreed.Sending.SameAs(previous.Sending) && agreed.Receiving.SameAs(previous.Receiving)
            ? previous
            : agreed;
}
