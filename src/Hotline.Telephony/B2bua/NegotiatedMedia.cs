using System.Net;
using Hotline.Telephony.Sdp;

namespace Hotline.Telephony.B2bua;

/// <summary>Where the called party receives RTP and what it agreed to: PCMU (0) or PCMA (8), and RFC 4733 events if any.</summary>
internal sealed record NegotiatedMedia(IPEndPoint RemoteRtp, byte PayloadType, byte? TelephoneEventPayloadType)
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
        return new NegotiatedMedia(remote, (byte)negotiation.Codec.PayloadType, events);
    }
}
