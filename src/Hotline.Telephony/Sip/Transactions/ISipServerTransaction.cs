using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Sip.Transactions;

/// <summary>What the transaction user sees of a server transaction: the request, and a way to answer it.</summary>
internal interface ISipServerTransaction
{
    SipInbound Inbound { get; }

    SipRequest Request { get; }

    SipTransactionState State { get; }

    /// <summary>Sends a response through the machine, which retransmits it as the RFC requires.</summary>
    void Respond(SipResponse response);
}
