namespace Hotline.Telephony.Registrar;

/// <summary>Where requests to a registered phone go (Registrar:RouteVia).</summary>
public enum RouteVia
{
    /// <summary>
    /// The Contact (RFC 3261 §10.3, §16.6), unless the REGISTER asked for its flow (RFC 3581 rport in the top
    /// Via, RFC 5626 outbound: a Contact with reg-id) or NAT is detected (a private or unroutable Contact
    /// address, differing from a public source address), or the Contact cannot be routed without DNS.
    /// </summary>
    Auto,

    /// <summary>Always the Contact's address, port and transport (a Contact naming a host name falls back to the source).</summary>
    Contact,

    /// <summary>Always where the REGISTER came from: its source address and port, or its TCP connection.</summary>
    Source,
}
