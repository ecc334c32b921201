using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.1.1 (Figure 5) with RFC 6026 §7.2: Calling → Proceeding → Completed (non-2xx, ACK sent
/// here, Timer D) or Accepted (2xx, Timer M, later 2xx passed up so the dialog can re-ACK).
/// Timer A retransmits the INVITE (doubling), Timer B gives up at 64*T1.
/// </summary>
internal sealed class InviteClientTransaction : SipTransaction
{
    private readonly SipRequest _request;
    private readonly byte[] _wire;
    private readonly Action<SipResponse>? _onProvisional;
    private readonly Action<SipResponse>? _onAdditional2xx;
    private readonly TaskCompletionSource<SipClientResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _timerA;
    private ITimer? _timerB;
    private TimeSpan _intervalA;
    private SipRequest? _ack;

    public InviteClientTransaction(SipRequest request, SipDestination destination, SipTransactionContext context, Action<SipResponse>? onProvisional, Action<SipResponse>? onAdditional2xx)
        : base(SipTransactionKey.ForClient(request), destination, context, SipTransactionState.Calling)
    {
        _request = request;
        _wire = SipMessageWriter.ToBytes(request);
        _onProvisional = onProvisional;
        _onAdditional2xx = onAdditional2xx;
    }

    public Task<SipClientResult> Result => _result.Task;

    public void Start()
    {
        lock (Sync)
        {
            Send(_wire);
            if (Unreliable)
            {
                _intervalA = Timers.T1;
                _timerA = StartTimer(_intervalA, OnTimerA);
            }
            _timerB = StartTimer(Timers.TransactionTimeout, OnTimerB);
        }
    }

    public void OnResponse(SipResponse response)
    {
        lock (Sync)
        {
            switch (State)
            {
                case SipTransactionState.Calling or SipTransactionState.Proceeding when response.IsProvisional:
                    StopTimer(ref _timerA);
                    StopTimer(ref _timerB);
                    MoveTo(SipTransactionState.Proceeding);
                    _onProvisional?.Invoke(response);
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding when response.StatusCode < 300:
                    StopTimer(ref _timerA);
                    StopTimer(ref _timerB);
                    MoveTo(SipTransactionState.Accepted);
                    _result.TrySetResult(new SipClientResult(response, SipClientFailure.None));
                    StartTimer(Timers.TransactionTimeout, () => MoveTo(SipTransactionState.Terminated));
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding:
                    StopTimer(ref _timerA);
                    StopTimer(ref _timerB);
                    MoveTo(SipTransactionState.Completed);
                    _ack = SipAckFactory.ForNon2xx(_request, response);
                    Send(_ack);
                    _result.TrySetResult(new SipClientResult(response, SipClientFailure.None));
                    WaitThenTerminate(Unreliable ? Timers.TimerD : TimeSpan.Zero);
                    break;
                case SipTransactionState.Completed when response.StatusCode >= 300:
                    Send(_ack!); // §17.1.1.2: each retransmitted final is ACKed again, not passed up.
                    break;
                case SipTransactionState.Accepted when !response.IsProvisional && response.StatusCode < 300:
                    _onAdditional2xx?.Invoke(response);
                    break;
            }
        }
    }

    private void OnTimerA()
    {
        if (State != SipTransactionState.Calling)
        {
            return;
        }
        Send(_wire);
        _intervalA *= 2;
        StopTimer(ref _timerA);
        _timerA = StartTimer(_intervalA, OnTimerA);
    }

    private void OnTimerB()
    {
        if (State == SipTransactionState.Calling)
        {
            SipTransactionLog.ClientTimeout(Context.Logger, SipMethods.Invite);
            MoveTo(SipTransactionState.Terminated);
            _result.TrySetResult(SipClientResult.Timeout);
        }
    }

    private protected override void OnTransportError()
    {
        MoveTo(SipTransactionState.Terminated);
        _result.TrySetResult(SipClientResult.TransportError);
    }
}
