using System.Net;
using System.Text;
using Hotline.Telephony.Sdp;
using Hotline.Telephony.Sip.Dialogs;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;

namespace Hotline.Telephony.B2bua;

/// <summary>
/// One outgoing call leg (UAC side, RFC 3261 §13.2): the INVITE with our SDP offer, its early and confirmed
/// dialog, the called party's in-dialog requests, and our hold, transfer notifications and hang-up.
/// Callbacks arrive on transport and timer threads; state sits behind one lock, and nothing is sent and
/// no event is raised while it is held. Event handlers must not block.
/// </summary>
internal sealed partial class OutboundLeg
{
    /// <summary>Methods this leg accepts from the called party (§20.5).</summary>
    public const string Allowed = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER";

    private readonly object _gate = new();
    private readonly OutboundLegService _service;
    private readonly SipRequest _invite;
    private readonly SdpSession _sdp;
    private readonly SessionDescription _offer;
    private readonly TaskCompletionSource<OutboundLegResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private SipDialog? _dialog;
    private NegotiatedMedia? _media;

    public OutboundLeg(OutboundLegService service, OutboundLegRequest request, SipRequest invite, SdpSession sdp, SessionDescription offer)
    {
        _service = service;
        Request = request;
        _invite = invite;
        _sdp = sdp;
        _offer = offer;
    }

    public string CallId => _invite.CallId;

    public OutboundLegRequest Request { get; }

    public OutboundLegState State { get; private set; } = OutboundLegState.Calling;

    /// <summary>Completes once: Answered with the negotiated media, or the failure's outcome and status.</summary>
    public Task<OutboundLegResult> Completion => _completion.Task;

    /// <summary>What the called party receives and speaks, as last agreed; null before answer.</summary>
    public NegotiatedMedia? Media
    {
        get
        {
            lock (_gate)
            {
                return _media;
            }
        }
    }

    /// <summary>The early, then confirmed, dialog; null until a response carried a To tag.</summary>
    public SipDialog? Dialog
    {
        get
        {
            lock (_gate)
            {
                return _dialog;
            }
        }
    }

    /// <summary>The first 180/183 (any 1xx above 100).</summary>
    public event Action<OutboundLeg>? Ringing;

    /// <summary>The called party sent BYE after answer (already answered 200), or the session died (re-INVITE 481/408, no ACK).</summary>
    public event Action<OutboundLeg, string>? RemoteEnded;

    /// <summary>A key pressed on the called party's phone, sent as SIP INFO.</summary>
    public event Action<OutboundLeg, char>? Digit;

    /// <summary>The remote RTP address or codec changed after answer (re-INVITE in either direction).</summary>
    public event Action<OutboundLeg, NegotiatedMedia>? MediaChanged;

    /// <summary>A REFER arrived with this Refer-To URI; return true to accept it (202), false to decline (603).</summary>
    public Func<OutboundLeg, string, bool>? TransferRequested { get; set; }

    private SipRequest InDialogRequest(SipDialog dialog, string method) =>
        dialog.CreateRequest(method, _service.ViaSentBy, OutboundLegService.Transport(Request.Destination), _service.Contact(Request.Destination));

    private static SipRequest WithBody(SipRequest request, string contentType, string body) =>
        SipRequest.Create(request.Method, request.RequestUri, request.Headers.Set(SipHeaderNames.ContentType, contentType), Encoding.UTF8.GetBytes(body));

    /// <summary>Sends an in-dialog request in its own client transaction; the status it ended with (408/503 for failures).</summary>
    private async Task<SipClientResult> SendAsync(SipRequest request)
    {
        var result = await _service.Transactions.SendRequestAsync(request, Request.Destination).ConfigureAwait(false);
        OutboundLegLog.RequestDone(_service.Logger, CallId, request.Method, result.StatusCode);
        return result;
    }

    /// <summary>An SDP body we can read, or null (not SDP, empty, or malformed).</summary>
    private static SessionDescription? ReadSdp(SipMessage message) =>
        message.ContentType is { } type && type.StartsWith("application/sdp", StringComparison.OrdinalIgnoreCase) && !message.Body.IsEmpty
            && SdpParser.TryParse(Encoding.UTF8.GetString(message.Body.Span), out var sdp, out _)
            ? sdp
            : null;

    /// <summary>
    /// The media an exchange agreed. A hold address (c=0.0.0.0, RFC 3264 §8.4) or port 0 keeps the previous
    /// remote address, since nothing should be sent there; null when the address is not an IP literal.
    /// </summary>
    private static NegotiatedMedia? ToMedia(SdpNegotiation negotiation, NegotiatedMedia? previous)
    {
        if (!IPAddress.TryParse(negotiation.RemoteAddress, out var address))
        {
            return null;
        }
        var remote = new IPEndPoint(address, negotiation.RemotePort);
        if ((address.Equals(IPAddress.Any) || negotiation.RemotePort == 0) && previous is not null)
        {
            remote = previous.RemoteRtp;
        }
        var events = negotiation.TelephoneEventPayloadType is { } pt ? (byte?)pt : null;
        return new NegotiatedMedia(remote, (byte)negotiation.Codec.PayloadType, events);
    }

    /// <summary>
    /// Ends the leg here: state Ended, timers stopped, the dialog forgotten (later requests get 481) and the
    /// leg removed from the service. False when it had already ended.
    /// </summary>
    private bool Close(string reason)
    {
        SipDialog? dialog;
        OkRetransmitter? pending;
        lock (_gate)
        {
            if (State == OutboundLegState.Ended)
            {
                return false;
            }
            State = OutboundLegState.Ended;
            _ringTimer?.Dispose();
            _cancelGuard?.Dispose();
            pending = _pendingOk;
            _pendingOk = null;
            _transfer = null;
            dialog = _dialog;
        }
        pending?.Dispose();
        if (dialog is not null)
        {
            _service.RemoveDialog(dialog);
        }
        _service.OnEnded(this);
        OutboundLegLog.Ended(_service.Logger, CallId, reason);
        return true;
    }

    /// <summary>Runs an event handler; a handler's exception is logged, never thrown into the transport.</summary>
    private void Raise(string name, Action handler)
    {
        try
        {
            handler();
        }
        catch (Exception exception)
        {
            OutboundLegLog.HandlerFailed(_service.Logger, CallId, name, exception);
        }
    }

    private void RaiseRemoteEnded(string reason) => Raise(nameof(RemoteEnded), () => RemoteEnded?.Invoke(this, reason));

    private void RaiseMediaChanged(NegotiatedMedia media) => Raise(nameof(MediaChanged), () => MediaChanged?.Invoke(this, media));
}
