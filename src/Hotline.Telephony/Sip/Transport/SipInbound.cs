using System.Net;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Sip.Transport;

/// <summary>
/// A parsed message with where it came from. For requests, <see cref="ResponseTo"/> is where responses
/// go (RFC 3261 §18.2.2 with RFC 3581 rport), worked out once on arrival.
/// </summary>
internal sealed record SipInbound(SipMessage Message, SipTransportKind Transport, IPEndPoint Remote, long? ConnectionId, SipDestination ResponseTo)
{
    /// <summary>The source as a destination: the same connection for streams, the source address and port for UDP.</summary>
    public SipDestination Source => new(Transport, Remote, ConnectionId);
}
