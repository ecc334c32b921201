namespace Hotline.Telephony.Sip.Transport;

/// <summary>How a transport is spelled on the wire: the Via protocol token (RFC 3261 §20.42) and the URI transport parameter (§19.1.1).</summary>
internal static class SipTransportNames
{
    public static string Via(SipTransportKind kind) => kind switch
    {
        SipTransportKind.Tcp => "TCP",
        SipTransportKind.Tls => "TLS",
        _ => "UDP",
    };

    public static string UriParameter(SipTransportKind kind) => Via(kind).ToLowerInvariant();
}
