using Hotline.Telephony.Sdp;
using Hotline.Telephony.Sip.Dialogs;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;

namespace Hotline.Telephony.B2bua;

/// <summary>
/// One outgoing call leg (UAC side, RFC 3261 §13.2): the state its collaborators share, and what the owner
/// sees. The INVITE client places the call, the re-INVITE client holds and resumes, the dialog server
/// answers the called party's in-dialog requests and the REFER handler its transfers.
/// Callbacks arrive on transport and timer threads; state sits behind one lock (<see cref="Gate"/>, shared
/// by the collaborators), and nothing is sent and no event is raised while it is held. Event handlers must
/// not block.
/// </summary>
internal sealed class OutboundLeg
{
    /// <summary>Methods this leg accepts from the called party (§20.5).</summary>
    public const string Allowed = "INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, REFER";

    private readonly TaskCompletionSource<OutboundLegResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly OutboundInviteClient _inviteClient;
    private readonly OutboundReinviteClient _reinviteClient;
    private readonly OutboundDialogServer _dialogServer;
    private readonly OutboundReferHandler _referHandler;

    public OutboundLeg(OutboundLegService service, OutboundLegRequest request, SipRequest invite, SdpSession sdp, SessionDescription offer)
    {
        Service = service;
        Request = request;
        CallId = invite.CallId;
        Sdp = sdp;
        _inviteClient = new OutboundInviteClient(this, invite, offer);
        _reinviteClient = new OutboundReinviteClient(this);
        _referHandler = new OutboundReferHandler(this);
        _dialogServer = new OutboundDialogServer(this, _referHandler);
    }

    public string CallId { get; }

    public OutboundLegRequest Request { get; }

    /// <summary>Written under <see cref="Gate"/> only.</summary>
    public OutboundLegState State { get; internal set; } = OutboundLegState.Calling;

    /// <summary>Completes once: Answered with the negotiated media, or the failure's outcome and status.</summary>
    public Task<OutboundLegResult> Completion => _completion.Task;

    /// <summary>What the called party receives and speaks, as last agreed; null before answer.</summary>
    public NegotiatedMedia? Media
    {
        get
        {
            lock (Gate)
            {
                return CurrentMedia;
            }
        }
    }

    /// <summary>The early, then confirmed, dialog; null until a response carried a To tag.</summary>
    public SipDialog? Dialog
    {
        get
        {
            lock (Gate)
            {
                return CurrentDialog;
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

    /// <summary>The called party put the call on hold (true) or resumed it (false) by re-INVITE.</summary>
    public event Action<OutboundLeg, bool>? HoldChanged;

    /// <summary>A REFER arrived with this Refer-To URI; return true to accept it (202), false to decline (603).</summary>
    public Func<OutboundLeg, string, bool>? TransferRequested { get; set; }

    /// <summary>The lock every collaborator takes for the leg's shared state.</summary>
    internal object Gate { get; } = new();

    internal OutboundLegService Service { get; }

    /// <summary>Our side of the offer/answer exchanges; read and committed under <see cref="Gate"/>.</summary>
    internal SdpSession Sdp { get; }

    /// <summary>Under <see cref="Gate"/>: the early, then confirmed, dialog.</summary>
    internal SipDialog? CurrentDialog { get; set; }

    /// <summary>Under <see cref="Gate"/>: the media last agreed.</summary>
    internal NegotiatedMedia? CurrentMedia { get; set; }

    /// <summary>Under <see cref="Gate"/>: the called party's last offer held the call.</summary>
    internal bool HeldByRemote { get; set; }

    /// <summary>Under <see cref="Gate"/>: our own re-INVITE is out (a called party's one meanwhile is glare, §14.2).</summary>
    internal bool ReinviteInProgress { get; set; }

    /// <summary>Under <see cref="Gate"/>: our 2xx to the called party's re-INVITE still waits for its ACK.</summary>
    internal bool AwaitsReinviteAck => _dialogServer.AwaitsAck;

    internal void Start() => _inviteClient.Start();

    /// <summary>
    /// CANCEL before answer (RFC 3261 §9.1): only after a provisional response arrived, so if none has, the
    /// CANCEL waits for one, or for the final. A 2xx crossing the CANCEL is ACKed and ended with BYE.
    /// After answer: BYE. Completes when the leg has ended.
    /// </summary>
    public async Task CancelAsync()
    {
        if (_inviteClient.RequestCancel(OutboundLegOutcome.Cancelled))
        {
            await HangUpAsync("cancelled").ConfigureAwait(false);
            return;
        }
        await Completion.ConfigureAwait(false);
    }

    /// <summary>After answer: BYE (§15.1.1). Before answer: CANCEL, as <see cref="CancelAsync"/>. Completes when the leg has ended.</summary>
    public async Task HangUpAsync(string reason)
    {
        if (!_inviteClient.RequestCancel(OutboundLegOutcome.Cancelled))
        {
            await Completion.ConfigureAwait(false);
            return;
        }
        SipRequest bye;
        lock (Gate)
        {
            if (State != OutboundLegState.Connected)
            {
                return;
            }
            bye = InDialogRequest(CurrentDialog!, SipMethods.Bye);
        }
        if (Close(reason))
        {
            await SendAsync(bye).ConfigureAwait(false);
        }
    }

    /// <inheritdoc cref="OutboundReinviteClient.SetHoldAsync"/>
    public Task<bool> SetHoldAsync(bool hold) => _reinviteClient.SetHoldAsync(hold);

    /// <inheritdoc cref="OutboundReferHandler.NotifyOutcomeAsync"/>
    public Task NotifyTransferOutcomeAsync(int status) => _referHandler.NotifyOutcomeAsync(status);

    internal void OnRequest(ISipServerTransaction transaction) => _dialogServer.OnRequest(transaction);

    internal void OnAck(SipRequest ack) => _dialogServer.OnAck(ack);

    internal SipRequest InDialogRequest(SipDialog dialog, string method) =>
        dialog.CreateRequest(method, Service.ViaSentBy, OutboundLegService.Transport(Request.Destination), Service.Contact(Request.Destination));

    /// <summary>Sends an in-dialog request in its own client transaction; the status it ended with (408/503 for failures).</summary>
    internal async Task<SipClientResult> SendAsync(SipRequest request)
    {
        var result = await Service.Transactions.SendRequestAsync(request, Request.Destination).ConfigureAwait(false);
        OutboundLegLog.RequestDone(Service.Logger, CallId, request.Method, result.StatusCode);
        return result;
    }

    internal void Respond(ISipServerTransaction transaction, SipResponse response)
    {
        OutboundLegLog.InDialog(Service.Logger, CallId, transaction.Request.Method, response.StatusCode);
        transaction.Respond(response);
    }

    /// <summary>The INVITE ended without a session: the leg closes and <see cref="Completion"/> reports why.</summary>
    internal void Fail(OutboundLegResult result)
    {
        if (Close(result.Reason))
        {
            OutboundLegLog.NotAnswered(Service.Logger, CallId, result.Outcome, result.StatusCode, result.Reason);
        }
        _completion.TrySetResult(result);
    }

    internal void Answer(OutboundLegResult result)
    {
        OutboundLegLog.Answered(Service.Logger, CallId, result.Media!.RemoteRtp.ToString(), result.Media.PayloadType);
        _completion.TrySetResult(result);
    }

    /// <summary>
    /// Ends the leg here: state Ended, timers stopped, the dialog forgotten (later requests get 481) and the
    /// leg removed from the service. False when it had already ended.
    /// </summary>
    internal bool Close(string reason)
    {
        SipDialog? dialog;
        OkRetransmitter? pending;
        lock (Gate)
        {
            if (State == OutboundLegState.Ended)
            {
                return false;
            }
            State = OutboundLegState.Ended;
            _inviteClient.StopTimers();
            pending = _dialogServer.TakePendingOk();
            _referHandler.Forget();
            dialog = CurrentDialog;
        }
        pending?.Dispose();
        if (dialog is not null)
        {
            Service.RemoveDialog(dialog);
        }
        Service.OnEnded(this);
        OutboundLegLog.Ended(Service.Logger, CallId, reason);
        return true;
    }

    /// <summary>The dialog is gone or unusable: end the leg, tell the owner, and BYE when the peer may still hold it.</summary>
    internal async Task SessionDiedAsync(string reason, bool sendBye)
    {
        SipRequest? bye = null;
        lock (Gate)
        {
            if (State != OutboundLegState.Connected)
            {
                return;
            }
            if (sendBye)
            {
                bye = InDialogRequest(CurrentDialog!, SipMethods.Bye);
            }
        }
        if (!Close(reason))
        {
            return;
        }
        RaiseRemoteEnded(reason);
        if (bye is not null)
        {
            await SendAsync(bye).ConfigureAwait(false);
        }
    }

    /// <summary>Media an exchange agreed after answer; raises <see cref="MediaChanged"/> when it differs.</summary>
    internal void UpdateMedia(SdpNegotiation negotiation)
    {
        NegotiatedMedia? changed = null;
        lock (Gate)
        {
            if (State == OutboundLegState.Connected && NegotiatedMedia.From(negotiation, CurrentMedia) is { } media && media != CurrentMedia)
            {
                CurrentMedia = changed = media;
            }
        }
        if (changed is not null)
        {
            RaiseMediaChanged(changed);
        }
    }

    internal void RaiseRinging() => Raise(nameof(Ringing), () => Ringing?.Invoke(this));

    internal void RaiseRemoteEnded(string reason) => Raise(nameof(RemoteEnded), () => RemoteEnded?.Invoke(this, reason));

    internal void RaiseMediaChanged(NegotiatedMedia media) => Raise(nameof(MediaChanged), () => MediaChanged?.Invoke(this, media));

    internal void RaiseHoldChanged(bool held) => Raise(nameof(HoldChanged), () => HoldChanged?.Invoke(this, held));

    internal void RaiseDigit(char digit) => Raise(nameof(Digit), () => Digit?.Invoke(this, digit));

    /// <summary>Asks the owner about a REFER; a handler that throws declines it.</summary>
    internal bool RaiseTransferRequested(string referTo)
    {
        var accepted = false;
        Raise(nameof(TransferRequested), () => accepted = TransferRequested?.Invoke(this, referTo) ?? false);
        return accepted;
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
            OutboundLegLog.HandlerFailed(Service.Logger, CallId, name, exception);
        }
    }
}
