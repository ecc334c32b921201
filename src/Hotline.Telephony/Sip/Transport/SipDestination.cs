using System.Net;

namespace Hotline.Telephony.Sip.Transport;

/// <summary>Where a message goes: transport, address, and for streams the connection to reuse (RFC 3261 §18.2.2).</summary>
public sealed record SipDestination(SipTransportKind Transport, IPEndPoint EndPoint, long? ConnectionId = null)
{
    /// <summary>Reliable transports carry their own retransmission, so transaction timers A/E/G do not run (§17.1.1.2).</summary>
    public bool IsReliable => Transport != SipTransportKind.Udp;
}
