using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Registrar;

/// <summary>One registered contact of an agent: the Contact URI, when it lapses, and how to reach it (the REGISTER's source, for NAT).</summary>
public sealed record AgentContact(string ContactUri, DateTimeOffset ExpiresAt, SipDestination ReachVia);
