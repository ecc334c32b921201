using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.Sip.Transactions;

/// <summary>
/// Shared plumbing of the four transaction machines: a lock, timers from the TimeProvider (no polling
/// thread), fire-and-forget sends whose transport failures come back as <see cref="OnTransportError"/>.
/// </summary>
internal abstract class SipTransaction
{
    private readonly List<ITimer> _timers = [];

    private protected SipTransaction(SipTransactionKey key, SipDestination destination, SipTransactionContext context, SipTransactionState initial)
    {
        Key = key;
        Destination = destination;
        Context = context;
        State = initial;
    }

    public SipTransactionKey Key { get; }

    /// <summary>Client: where the request goes. Server: where responses go.</summary>
    public SipDestination Destination { get; }

    public SipTransactionState State { get; private set; }

    private protected SipTransactionContext Context { get; }

    private protected object Sync { get; } = new();

    private protected SipTimers Timers => Context.Timers;

    /// <summary>Unreliable transports need the retransmission timers (§17.1.1.2, §17.2.1).</summary>
    private protected bool Unreliable => !Destination.IsReliable;

    /// <summary>Called with <see cref="Sync"/> held.</summary>
    private protected void MoveTo(SipTransactionState state)
    {
        State = state;
        if (state == SipTransactionState.Terminated)
        {
            foreach (var timer in _timers)
            {
                timer.Dispose();
            }
            _timers.Clear();
            Context.OnTerminated(this);
        }
    }

    /// <summary>Starts a one-shot timer whose callback runs under the lock, unless the transaction ended first.</summary>
    private protected ITimer StartTimer(TimeSpan due, Action onFire)
    {
        var timer = Context.Time.CreateTimer(
            static state =>
            {
                var (transaction, callback) = ((SipTransaction, Action))state!;
                lock (transaction.Sync)
                {
                    if (transaction.State != SipTransactionState.Terminated)
                    {
                        callback();
                    }
                }
            },
            (this, onFire),
            due,
            Timeout.InfiniteTimeSpan);
        _timers.Add(timer);
        return timer;
    }

    private protected void StopTimer(ref ITimer? timer)
    {
        if (timer is not null)
        {
            timer.Dispose();
            _timers.Remove(timer);
            timer = null;
        }
    }

    /// <summary>Zero-length timers (reliable transports) end the transaction at once instead.</summary>
    private protected void WaitThenTerminate(TimeSpan wait)
    {
        if (wait <= TimeSpan.Zero)
        {
            MoveTo(SipTransactionState.Terminated);
            return;
        }
        StartTimer(wait, () => MoveTo(SipTransactionState.Terminated));
    }

    private protected void Send(SipMessage message) => Send(SipMessageWriter.ToBytes(message));

    private protected void Send(byte[] wire)
    {
        var sending = Context.Sender.SendAsync(wire, Destination, CancellationToken.None);
        if (!sending.IsCompletedSuccessfully)
        {
            _ = ObserveSendAsync(sending);
        }
    }

    private async Task ObserveSendAsync(ValueTask sending)
    {
        try
        {
            await sending.ConfigureAwait(false);
        }
        catch (SipTransportException exception)
        {
            SipTransactionLog.TransportError(Context.Logger, Key.Method, exception.Message);
            lock (Sync)
            {
                if (State != SipTransactionState.Terminated)
                {
                    OnTransportError();
                }
            }
        }
    }

    /// <summary>§17.1.4/§17.2.4: the transport failed; the machine terminates and tells its user. Runs under the lock.</summary>
    private protected abstract void OnTransportError();
}
