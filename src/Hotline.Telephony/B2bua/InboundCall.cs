using System.Net.Sockets;
using Hotline.Telephony.Sip.Dialogs;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.B2bua;

/// <summary>
/// The caller's leg of a hotline call (UAS side): answered with SDP, 2xx retransmitted until the ACK
/// (RFC 3261 §13.3.1.4), ended by the caller's BYE or by <see cref="HangUpAsync"/>.
/// </summary>
internal sealed class InboundCall
{
    private readonly object _gate = new();
    private readonly InboundCallService _service;
    private readonly ISipServerTransaction _invite;
    private readonly SipResponse _ok;
    private ITimer? _retransmit;
    private ITimer? _giveUp;
    private TimeSpan _interval;

    public InboundCall(InboundCallService service, ISipServerTransaction invite, SipDialog dialog, SipResponse ok, Socket rtp)
    {
        _service = service;
        _invite = invite;
        Dialog = dialog;
        _ok = ok;
        Rtp = rtp;
        Source = invite.Inbound.Source;
    }

    public SipDialog Dialog { get; }

    public Socket Rtp { get; }

    /// <summary>Where the caller's INVITE came from (the trunk's connection, for TCP).</summary>
    public SipDestination Source { get; }

    public CallState State { get; private set; } = CallState.Answered;

    public string? EndReason { get; private set; }

    public void Start()
    {
        lock (_gate)
        {
            _invite.Respond(_ok);
            _interval = _service.Timers.T1;
            _retransmit = _service.Time.CreateTimer(_ => Retransmit(), null, _interval, Timeout.InfiniteTimeSpan);
            _giveUp = _service.Time.CreateTimer(_ => GiveUp(), null, _service.Timers.TransactionTimeout, Timeout.InfiniteTimeSpan);
        }
    }

    public void OnAck()
    {
        lock (_gate)
        {
            if (State == CallState.Answered)
            {
                _retransmit?.Dispose();
                _giveUp?.Dispose();
                State = CallState.Confirmed;
            }
        }
    }

    public void OnBye(ISipServerTransaction bye)
    {
        bye.Respond(SipResponseBuilder.For(bye.Request, 200).Build());
        End("caller hung up");
    }

    /// <summary>Ends the call from our side: BYE in the dialog (§15.1.1).</summary>
    public async Task<int> HangUpAsync(string reason = "hotline hung up")
    {
        if (!End(reason))
        {
            return 0;
        }
        var bye = _service.CreateRequest(this, SipMethods.Bye);
        var result = await _service.Transactions.SendRequestAsync(bye, _service.DestinationOf(this)).ConfigureAwait(false);
        return result.StatusCode;
    }

    /// <summary>§13.3.1.4: resend the 2xx at T1, doubling to T2, until the ACK.</summary>
    private void Retransmit()
    {
        lock (_gate)
        {
            if (State != CallState.Answered)
            {
                return;
            }
            _invite.Respond(_ok);
            _interval = _interval * 2 < _service.Timers.T2 ? _interval * 2 : _service.Timers.T2;
            _retransmit?.Change(_interval, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>§13.3.1.4: no ACK within 64*T1: the session is over; end it with a BYE.</summary>
    private void GiveUp()
    {
        if (State == CallState.Answered)
        {
            _ = HangUpAsync("no ACK for the 2xx within 64*T1");
        }
    }

    private bool End(string reason)
    {
        lock (_gate)
        {
            if (State == CallState.Ended)
            {
                return false;
            }
            _retransmit?.Dispose();
            _giveUp?.Dispose();
            State = CallState.Ended;
            EndReason = reason;
        }
        _service.OnEnded(this);
        return true;
    }
}
