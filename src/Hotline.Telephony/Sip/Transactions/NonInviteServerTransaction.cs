using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.2.2 (Figure 8): Trying → Proceeding → Completed → Terminated. Request retransmissions
/// are absorbed in Trying and answered with the last response after that; Timer J keeps the final
/// response for 64*T1 on unreliable transports.
/// </summary>
internal sealed class NonInviteServerTransaction : SipTransaction, ISipServerTransaction
{
    private SipResponse? _lastResponse;

    public NonInviteServerTransaction(SipInbound inbound, SipTransactionContext context)
        : base(SipTransactionKey.ForServer((SipRequest)inbound.Message), inbound.ResponseTo, context, SipTransactionState.Trying)
    {
        Inbound = inbound;
    }

    public SipInbound Inbound { get; }

    public SipRequest Request => (SipRequest)Inbound.Message;

    public void OnRetransmission()
    {
        lock (Sync)
        {
            if (State is SipTransactionState.Proceeding or SipTransactionState.Completed && _lastResponse is not null)
            {
                Send(_lastResponse);
            }
        }
    }

    public void Respond(SipResponse response)
    {
        lock (Sync)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return; // §17.2.2: once Completed, further responses from the TU are discarded.
            }
            _lastResponse = response;
            Send(response);
            if (response.IsProvisional)
            {
                MoveTo(SipTransactionState.Proceeding);
                return;
            }
            MoveTo(SipTransactionState.Completed);
            WaitThenTerminate(Unreliable ? Timers.TransactionTimeout : TimeSpan.Zero);
        }
    }

    private protected override void OnTransportError() => MoveTo(SipTransactionState.Terminated);
}
