using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;

namespace Hotline.Telephony.B2bua;

/// <summary>
/// RFC 3261 §13.3.1.4 for a 2xx we send to an INVITE inside a dialog: the UAS core, not the transaction,
/// resends it at T1 doubling to T2 until the ACK arrives, and gives up after 64*T1.
/// </summary>
internal sealed class OkRetransmitter : IDisposable
{
    private readonly object _gate = new();
    private readonly ISipServerTransaction _transaction;
    private readonly SipResponse _ok;
    private readonly TimeProvider _time;
    private readonly SipTimers _timers;
    private readonly Action _onNoAck;
    private ITimer? _retransmit;
    private ITimer? _giveUp;
    private TimeSpan _interval;
    private bool _done;

    public OkRetransmitter(ISipServerTransaction transaction, SipResponse ok, TimeProvider time, SipTimers timers, Action onNoAck)
    {
        _transaction = transaction;
        _ok = ok;
        _time = time;
        _timers = timers;
        _onNoAck = onNoAck;
    }

    /// <summary>The INVITE's CSeq number, which its ACK repeats.</summary>
    public long CSeq => _ok.CSeq.Number;

    public void Start()
    {
        lock (_gate)
        {
            if (_done)
            {
                return;
            }
            _interval = _timers.T1;
            _retransmit = _time.CreateTimer(_ => Retransmit(), null, _interval, Timeout.InfiniteTimeSpan);
            _giveUp = _time.CreateTimer(_ => GiveUp(), null, _timers.TransactionTimeout, Timeout.InfiniteTimeSpan);
        }
        _transaction.Respond(_ok);
    }

    /// <summary>The ACK came (or the session ended): stop resending.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            _done = true;
            _retransmit?.Dispose();
            _giveUp?.Dispose();
        }
    }

    private void Retransmit()
    {
        lock (_gate)
        {
            if (_done)
            {
                return;
            }
            _interval = _interval * 2 < _timers.T2 ? _interval * 2 : _timers.T2;
            _retransmit?.Change(_interval, Timeout.InfiniteTimeSpan);
        }
        _transaction.Respond(_ok);
    }

    private void GiveUp()
    {
        lock (_gate)
        {
            if (_done)
            {
                return;
            }
            _done = true;
            _retransmit?.Dispose();
        }
        _onNoAck();
    }
}
