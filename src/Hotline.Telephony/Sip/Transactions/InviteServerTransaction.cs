using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.2.1 (Figure 7) with RFC 6026 §7.1: Proceeding → Completed (non-2xx; Timer G
/// retransmits, Timer H waits for the ACK) → Confirmed (Timer I absorbs ACKs) → Terminated; or
/// Proceeding → Accepted (2xx; Timer L absorbs INVITE retransmissions while the TU resends the 2xx).
/// </summary>
internal sealed class InviteServerTransaction : SipTransaction, ISipServerTransaction
{
    private readonly Action<InviteServerTransaction>? _onNoAck;
    private byte[]? _lastResponse;
    private ITimer? _timerG;
    private ITimer? _timerH;
    private TimeSpan _intervalG;

    public InviteServerTransaction(SipInbound inbound, SipTransactionContext context, Action<InviteServerTransaction>? onNoAck)
        : base(SipTransactionKey.ForServer((SipRequest)inbound.Message), inbound.ResponseTo, context, SipTransactionState.Proceeding)
    {
        Inbound = inbound;
        _onNoAck = onNoAck;
    }

    public SipInbound Inbound { get; }

    public SipRequest Request => (SipRequest)Inbound.Message;

    /// <summary>§17.2.1: answer 100 Trying at once so the client stops retransmitting the INVITE.</summary>
    public void Start() => Respond(SipResponseBuilder.For(Request, 100).Build());

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

    public void OnAck()
    {
        lock (Sync)
        {
            if (State != SipTransactionState.Completed)
            {
                return;
            }
            StopTimer(ref _timerG);
            StopTimer(ref _timerH);
            MoveTo(SipTransactionState.Confirmed);
            WaitThenTerminate(Unreliable ? Timers.T4 : TimeSpan.Zero);
        }
    }

    public void Respond(SipResponse response)
    {
        lock (Sync)
        {
            if (State == SipTransactionState.Accepted && response.StatusCode is >= 200 and < 300)
            {
                Send(response); // RFC 6026 §7.1: the TU's 2xx retransmissions pass through.
                return;
            }
            if (State != SipTransactionState.Proceeding)
            {
                return;
            }
            _lastResponse = SipMessageWriter.ToBytes(response);
            Send(_lastResponse);
            if (response.IsProvisional)
            {
                return;
            }
            if (response.StatusCode < 300)
            {
                MoveTo(SipTransactionState.Accepted);
                StartTimer(Timers.TransactionTimeout, () => MoveTo(SipTransactionState.Terminated));
                return;
            }
            MoveTo(SipTransactionState.Completed);
            if (Unreliable)
            {
                _intervalG = Timers.T1;
                _timerG = StartTimer(_intervalG, OnTimerG);
            }
            _timerH = StartTimer(Timers.TransactionTimeout, OnTimerH);
        }
    }

    private void OnTimerG()
    {
        if (State != SipTransactionState.Completed)
        {
            return;
        }
        Send(_lastResponse!);
        _intervalG = _intervalG * 2 < Timers.T2 ? _intervalG * 2 : Timers.T2;
        StopTimer(ref _timerG);
        _timerG = StartTimer(_intervalG, OnTimerG);
    }

    private void OnTimerH()
    {
        if (State == SipTransactionState.Completed)
        {
            SipTransactionLog.NoAck(Context.Logger);
            MoveTo(SipTransactionState.Terminated);
            _onNoAck?.Invoke(this);
        }
    }

    private protected override void OnTransportError() => MoveTo(SipTransactionState.Terminated);
}
