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
    private byte[]? _lastResponse;
    private SipInbound? _inbound;

    public NonInviteServerTransaction(SipInbound inbound, SipTransactionContext context)
        : base(SipTransactionKey.ForServer((SipRequest)inbound.Message), inbound.ResponseTo, context, SipTransactionState.Trying)
    {
        _inbound = inbound;
    }

    /// <summary>
    /// The request, until the final response is sent. Completed transactions linger 64*T1 on UDP (Timer J);
    /// holding only the response bytes through that time keeps the heap small at thousands of REGISTERs a second.
    /// </summary>
    public SipInbound Inbound => _inbound ?? throw new InvalidOperationException("The transaction has sent its final response.");

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
            _lastResponse = SipMessageWriter.ToBytes(response);
            Send(_lastResponse);
            if (response.IsProvisional)
            {
                MoveTo(SipTransactionState.Proceeding);
                return;
            }
            _inbound = null;
            MoveTo(SipTransactionState.Completed);
            WaitThenTerminate(Unreliable ? Timers.TransactionTimeout : TimeSpan.Zero);
        }
    }

    private protected override void OnTransportError() => MoveTo(SipTransactionState.Terminated);
}
