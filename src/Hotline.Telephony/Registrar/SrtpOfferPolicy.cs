using Hotline.Telephony.Sip;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Registrar;

/// <summary>Sip:OfferSrtp applied to a registered phone: whether the INVITE to it offers RTP/SAVP.</summary>
public static class SrtpOfferPolicy
{
    public static bool Offers(SrtpOfferMode mode, AgentContact contact)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return mode switch
        {
            SrtpOfferMode.Always => true,
            // Both: the phone chose TLS, and this INVITE (with the key in its SDP) takes TLS as well; a phone that
            // registered over TLS with a Contact naming UDP would otherwise receive its key in clear.
            SrtpOfferMode.Tls => contact.RegisteredOverTls && contact.ReachVia.Transport == SipTransportKind.Tls,
            _ => false,
        };
    }
}
