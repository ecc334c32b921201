using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Registrar;

/// <summary>
/// One registered contact of an agent: the Contact URI, when it lapses, how to reach it (the REGISTER's source,
/// for NAT), and whether the REGISTER came over TLS (Sip:OfferSrtp=tls offers SRTP only to such phones).
/// </summary>
public sealed record AgentContact(string ContactUri, DateTimeOffset ExpiresAt, SipDestination ReachVia, bool RegisteredOverTls = false);
