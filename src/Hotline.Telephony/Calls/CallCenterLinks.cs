using Hotline.Telephony.B2bua;
using Hotline.Telephony.Ivr;
using Hotline.Telephony.Media.Rtp;
using Hotline.Telephony.Registrar;
using Hotline.Telephony.Sip;

namespace Hotline.Telephony.Calls;

/// <summary>The SIP edge's running parts the call center drives; they exist once the edge has bound its ports.</summary>
internal sealed record CallCenterLinks(
    InboundCallService Inbound,
    OutboundLegService Outbound,
    RtpPortAllocator Ports,
    IAgentLocator Locator,
    PromptLibrary Prompts,
    string Domain,
    string DataDirectory,
    SrtpOfferMode OfferSrtp = SrtpOfferMode.Tls)
{
    /// <summary>Whether a call to this registered phone offers SRTP (Sip:OfferSrtp).</summary>
    public bool OffersSrtp(AgentContact contact) => SrtpOfferPolicy.Offers(OfferSrtp, contact);
}
