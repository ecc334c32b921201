namespace Hotline.Telephony.Sip.Transport;

public enum SipTransportKind
{
    Udp,
    Tcp,

    /// <summary>SIP over TLS (RFC 3261 §26.3.1): agents' phones on Sip:TlsPort, reached on the connection they opened.</summary>
    Tls,
}
