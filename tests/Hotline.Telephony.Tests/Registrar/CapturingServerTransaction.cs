using System.Net;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Tests.Registrar;

/// <summary>A server transaction that keeps the response the registrar gives, for registrar-level tests.</summary>
internal sealed class CapturingServerTransaction : ISipServerTransaction
{
    public static readonly IPEndPoint Phone = new(IPAddress.Parse("192.0.2.20"), 5062);

    public CapturingServerTransaction(SipRequest request)
    {
        var source = new SipDestination(SipTransportKind.Udp, Phone);
        Inbound = new SipInbound(request, SipTransportKind.Udp, Phone, null, source);
    }

    public SipInbound Inbound { get; }

    public SipRequest Request => (SipRequest)Inbound.Message;

    public SipTransactionState State => Response is null ? SipTransactionState.Trying : SipTransactionState.Completed;

    public SipResponse? Response { get; private set; }

    public void Respond(SipResponse response) => Response ??= response;
}
