using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.1.2 (Figure 6): Trying → Proceeding → Completed → Terminated. Timer E retransmits
/// (doubling to T2, then T2 in Proceeding), Timer F gives up at 64*T1, Timer K absorbs late responses.
/// </summary>
internal sealed class NonInviteClientTransaction : SipTransaction
{
    private readonly SipRequest _request;
    private readonly byte[] _wire;
    private readonly Action<SipResponse>? _onProvisional;
    private readonly TaskCompletionSource<SipClientResult> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _timerE;
    private TimeSpan _intervalE;

    public NonInviteClientTransaction(SipRequest request, SipDestination destination, SipTransactionContext context, Action<SipResponse>? onProvisional)
        : base(SipTransactionKey.ForClient(request), destination, context, SipTransactionState.Trying)
    {
        _request = request;
        _wire = SipMessageWriter.ToBytes(request);
        _onProvisional = onProvisional;
    }

    public Task<SipClientResult> Result => _result.Task;

    public void Start()
    {
        lock (Sync)
        {
            Send(_wire);
            if (Unreliable)
            {
                _intervalE = Timers.T1;
                _timerE = StartTimer(_intervalE, OnTimerE);
            }
            StartTimer(Timers.TransactionTimeout, OnTimerF);
        }
    }

    public void OnResponse(SipResponse response)
    {
        lock (Sync)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                return; // Completed: retransmitted finals are absorbed (§17.1.2.2).
            }
            if (response.IsProvisional)
            {
                MoveTo(SipTransactionState.Proceeding);
                _onProvisional?.Invoke(response);
                return;
            }
            StopTimer(ref _timerE);
            MoveTo(SipTransactionState.Completed);
            _result.TrySetResult(new SipClientResult(response, SipClientFailure.None));
            WaitThenTerminate(Unreliable ? Timers.T4 : TimeSpan.Zero);
        }
    }

    private void OnTimerE()
    {
        if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
        {
            return;
        }
        Send(_wire);
        _intervalE = State == SipTransactionState.Proceeding ? Timers.T2 : Min(_intervalE * 2, Timers.T2);
        StopTimer(ref _timerE);
        _timerE = StartTimer(_intervalE, OnTimerE);
    }

    private void OnTimerF()
    {
        if (State is SipTransactionState.Trying or SipTransactionState.Proceeding)
        {
            SipTransactionLog.ClientTimeout(Context.Logger, _request.Method);
            MoveTo(SipTransactionState.Terminated);
            _result.TrySetResult(SipClientResult.Timeout);
        }
    }

    private protected override void OnTransportError()
    {
        MoveTo(SipTransactionState.Terminated);
        _result.TrySetResult(SipClientResult.TransportError);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
