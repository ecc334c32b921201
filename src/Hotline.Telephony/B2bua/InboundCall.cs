using System.Globalization;
using System.Text;
using Hotline.Telephony.Media.Dtmf;
using Hotline.Telephony.Media.Rtp;
using Hotline.Telephony.Sdp;
using Hotline.Telephony.Sip.Dialogs;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;
using Hotline.Telephony.Sip.Transport;

namespace Hotline.Telephony.B2bua;

/// <summary>
/// The caller's leg of a hotline call (UAS side): answered with SDP on the relay's caller-side port, 2xx
/// retransmitted until the ACK (RFC 3261 §13.3.1.4), ended by the caller's BYE or by <see cref="HangUpAsync"/>.
/// Owns the call's <see cref="RtpRelay"/>, released when the leg ends.
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

    public InboundCall(InboundCallService service, ISipServerTransaction invite, SipDialog dialog, SipResponse ok, RtpRelay relay, SdpNegotiation media)
    {
        _service = service;
        _invite = invite;
        Dialog = dialog;
        _ok = ok;
        Relay = relay;
        Media = media;
        Source = invite.Inbound.Source;
        CallerNumber = invite.Request.From.Uri.UnescapedUser ?? string.Empty;
        CalledNumber = invite.Request.RequestUri.UnescapedUser ?? string.Empty;
    }

    public SipDialog Dialog { get; }

    /// <summary>The call's media: the caller faces <see cref="RtpRelay.Caller"/>, the agent the other leg.</summary>
    public RtpRelay Relay { get; }

    /// <summary>What was agreed with the caller: codec, telephone-event payload type, where the caller receives.</summary>
    public SdpNegotiation Media { get; }

    /// <summary>Where the caller's INVITE came from (the trunk's connection, for TCP).</summary>
    public SipDestination Source { get; }

    /// <summary>The citizen's number as the trunk presented it (From user part).</summary>
    public string CallerNumber { get; }

    /// <summary>The hotline number dialled (Request-URI user part).</summary>
    public string CalledNumber { get; }

    public CallState State { get; private set; } = CallState.Answered;

    public string? EndReason { get; private set; }

    /// <summary>The caller hung up or the leg died (no ACK); not raised by <see cref="HangUpAsync"/>.</summary>
    public event Action<InboundCall, string>? RemoteEnded;

    /// <summary>A key the caller sent by SIP INFO (RFC 4733 keys arrive on the relay instead).</summary>
    public event Action<InboundCall, char>? Digit;

    public void Start()
    {
        lock (_gate)
        {
            _invite.Respond(_ok);
            _interval = _service.Timers.T1;
            _retransmit = _service.Time.CreateTimer(_ => Retransmit(), null, _interval, Timeout.InfiniteTimeSpan);
            _giveUp = _service.Time.CreateTimer(_ => _ = GiveUpAsync(), null, _service.Timers.TransactionTimeout, Timeout.InfiniteTimeSpan);
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
        if (End("caller hung up"))
        {
            RemoteEnded?.Invoke(this, "caller hung up");
        }
    }

    /// <summary>
    /// A re-INVITE from the caller (a trunk refreshing the session or moving its media): we keep our side
    /// as it is, answer with the same codec (RFC 3264 §8: the answer's version goes up by one) and follow the
    /// new address. An offer we cannot accept gets 488 and leaves the session unchanged (RFC 3261 §14.2).
    /// </summary>
    public void OnReInvite(ISipServerTransaction reInvite)
    {
        var request = reInvite.Request;
        if (request.Body.IsEmpty || !SdpParser.TryParse(Encoding.UTF8.GetString(request.Body.Span), out var offer, out _))
        {
            reInvite.Respond(SipResponseBuilder.For(request, 488, "Offerless Re-INVITE Not Supported").Build());
            return;
        }
        var local = new SdpLocalMedia
        {
            Address = Media.Local.Connection?.Address ?? "127.0.0.1",
            Port = Relay.Caller.LocalPort,
            SessionId = Media.Local.Origin.SessionId,
            SessionVersion = Media.Local.Origin.SessionVersion + 1,
            Codecs = [Media.Codec],
            // RFC 4568 §7.1.4: our key stays for the session; the phone may send a new one of its own.
            SrtpKey = Media.Srtp?.Sending,
        };
        if (!SdpOfferAnswer.TryAnswer(offer, local, out var negotiation, out var rejection))
        {
            reInvite.Respond(SipResponseBuilder.For(request, rejection.SipStatusCode).Build());
            return;
        }
        if (System.Net.IPAddress.TryParse(negotiation.RemoteAddress, out var address))
        {
            Relay.Caller.SetSignalledRemote(new System.Net.IPEndPoint(address, negotiation.RemotePort));
        }
        Relay.Caller.Secure(negotiation.Srtp);
        reInvite.Respond(SipResponseBuilder.For(request, 200)
            .WithHeader(SipHeaderNames.Contact, _service.Contact(Source.Transport))
            .WithBody("application/sdp", Encoding.UTF8.GetBytes(SdpWriter.Write(negotiation.Local)))
            .Build());
    }

    /// <summary>RFC 6086: INFO carries DTMF from trunks that do not send RFC 4733 events.</summary>
    public void OnInfo(ISipServerTransaction info)
    {
        var request = info.Request;
        if (request.Body.IsEmpty)
        {
            info.Respond(SipResponseBuilder.For(request, 200).Build()); // an empty INFO is a keep-alive
            return;
        }
        if (!SipInfoDtmf.TryParse(request.ContentType, request.Body.Span, out var key))
        {
            info.Respond(SipResponseBuilder.For(request, 415).WithHeader(SipHeaderNames.Accept, "application/dtmf-relay, application/dtmf").Build());
            return;
        }
        info.Respond(SipResponseBuilder.For(request, 200).Build());
        Digit?.Invoke(this, key);
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

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Dialog.Id.CallId} from {CallerNumber}");

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
    private async Task GiveUpAsync()
    {
        if (State == CallState.Answered)
        {
            await HangUpAsync("no ACK for the 2xx within 64*T1").ConfigureAwait(false);
            RemoteEnded?.Invoke(this, "no ACK for the 2xx within 64*T1");
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
