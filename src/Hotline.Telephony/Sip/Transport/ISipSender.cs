using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Sip.Transport;

/// <summary>Sends serialised messages; throws <see cref="SipTransportException"/> when the transport fails.</summary>
internal interface ISipSender
{
    ValueTask SendAsync(SipMessage message, SipDestination destination, CancellationToken cancellationToken);
}
