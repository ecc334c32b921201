using System.Net;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.B2bua;

/// <summary>What an outgoing leg calls, and how it presents itself.</summary>
/// <param name="Target">Request-URI: the agent's registered Contact, or sip:&lt;number&gt;@&lt;trunk&gt;.</param>
/// <param name="Destination">Where every request of the leg goes: the agent's registration flow (AgentContact.ReachVia) or the trunk.</param>
/// <param name="FromUser">User part shown to the called party (the citizen's number on agent legs).</param>
/// <param name="FromDisplayName">Display name in From, or null.</param>
/// <param name="ToUri">To header URI, e.g. sip:1001@hotline.local.</param>
/// <param name="LocalRtp">Our RTP address and port to offer (the relay's leg for this party).</param>
/// <param name="RingTimeout">CANCEL when not answered within this; zero means no timer.</param>
/// <param name="OfferSrtp">
/// Offer RTP/SAVP with a fresh SDES key (RFC 4568) instead of RTP/AVP; an answer without a usable a=crypto
/// then ends the leg as Rejected (488). The caller decides by Sip:OfferSrtp (<see cref="Registrar.SrtpOfferPolicy"/>).
/// </param>
internal sealed record OutboundLegRequest(
    SipUri Target,
    SipDestination Destination,
    string FromUser,
    string? FromDisplayName,
    string ToUri,
    IPEndPoint LocalRtp,
    TimeSpan RingTimeout,
    bool OfferSrtp = false);
