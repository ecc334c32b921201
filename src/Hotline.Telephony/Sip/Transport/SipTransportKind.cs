namespace Hotline.Telephony.Sip.Transport;

public enum SipTransportKind
{
    Udp,
    Tcp,
}
