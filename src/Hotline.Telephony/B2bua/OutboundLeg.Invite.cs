using Hotline.Telephony.Sdp;
using Hotline.Telephony.Sip.Dialogs;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;

namespace Hotline.Telephony.B2bua;

/// <summary>The initial INVITE: provisional responses, the 2xx and its ACK, failures, ring timeout and CANCEL.</summary>
internal sealed partial class OutboundLeg
{
    private ITimer? _ringTimer;
    private ITimer? _cancelGuard;
    private bool _provisionalSeen;
    private bool _cancelSent;
    private OutboundLegOutcome? _cancelAs;
    private SipDialog? _answered;
    private SipRequest? _ack;

    internal void Start()
    {
        if (Request.RingTimeout > TimeSpan.Zero)
        {
            lock (_gate)
            {
                _ringTimer = _service.Time.CreateTimer(_ => OnRingTimeout(), null, Request.RingTimeout, Timeout.InfiniteTimeSpan);
            }
        }
        var pending = _service.Transactions.SendRequestAsync(_invite, Request.Destination, OnProvisional, response => _ = On2xxAsync(response));
        _ = ObserveInviteAsync(pending);
    }

    /// <summary>
    /// CANCEL before answer (RFC 3261 §9.1): only after a provisional response arrived, so if none has, the
    /// CANCEL waits for one, or for the final. A 2xx crossing the CANCEL is ACKed and ended with BYE.
    /// After answer: BYE. Completes when the leg has ended.
    /// </summary>
    public async Task CancelAsync()
    {
        if (RequestCancel(OutboundLegOutcome.Cancelled))
        {
            await HangUpAsync("cancelled").ConfigureAwait(false);
            return;
        }
        await Completion.ConfigureAwait(false);
    }

    /// <summary>Marks the INVITE for cancelling and sends the CANCEL if allowed yet; true when the leg is already connected.</summary>
    private bool RequestCancel(OutboundLegOutcome outcome)
    {
        var send = false;
        lock (_gate)
        {
            if (State == OutboundLegState.Connected)
            {
                return true;
            }
            if (State == OutboundLegState.Ended || _answered is not null)
            {
                return false;
            }
            _cancelAs ??= outcome;
            if (_provisionalSeen && !_cancelSent)
            {
                _cancelSent = send = true;
            }
        }
        if (send)
        {
            SendCancel();
        }
        return false;
    }

    private void SendCancel()
    {
        lock (_gate)
        {
            // §9.1: without a final response 64*T1 after the CANCEL, the INVITE counts as cancelled.
            _cancelGuard = _service.Time.CreateTimer(_ => OnCancelUnanswered(), null, _service.Timers.TransactionTimeout, Timeout.InfiniteTimeSpan);
        }
        _ = SendAsync(SipCancelFactory.For(_invite));
    }

    private void OnRingTimeout()
    {
        OutboundLegLog.RingTimeout(_service.Logger, CallId);
        RequestCancel(OutboundLegOutcome.Timeout);
    }

    private void OnCancelUnanswered()
    {
        OutboundLegResult result;
        lock (_gate)
        {
            if (State == OutboundLegState.Ended || _answered is not null || _cancelAs is not { } outcome)
            {
                return;
            }
            result = new OutboundLegResult(outcome, 408, "No final response to the cancelled INVITE", null);
        }
        Fail(result);
    }

    /// <summary>Runs under the INVITE transaction's lock: records the state, never waits.</summary>
    private void OnProvisional(SipResponse response)
    {
        try
        {
            var cancel = false;
            var ringing = false;
            lock (_gate)
            {
                if (State == OutboundLegState.Ended || _answered is not null)
                {
                    return;
                }
                _provisionalSeen = true;
                if (_cancelAs is not null && !_cancelSent)
                {
                    _cancelSent = cancel = true;
                }
                if (response.StatusCode > 100 && State == OutboundLegState.Calling && _cancelAs is null)
                {
                    State = OutboundLegState.Ringing;
                    ringing = true;
                }
                // §12.1.2 / §13.2.2.1: a 1xx with a To tag (and a Contact) creates an early dialog.
                if (response.StatusCode > 100 && _dialog is null && SipDialog.CreateAsClient(_invite, response) is { } early)
                {
                    _dialog = early;
                    _service.AddDialog(early, this);
                }
            }
            if (cancel)
            {
                SendCancel();
            }
            if (ringing)
            {
                Raise(nameof(Ringing), () => Ringing?.Invoke(this));
            }
        }
        catch (Exception exception)
        {
            OutboundLegLog.HandlerFailed(_service.Logger, CallId, "provisional response", exception);
        }
    }

    private async Task ObserveInviteAsync(Task<SipClientResult> pending)
    {
        var result = await pending.ConfigureAwait(false);
        try
        {
            if (result.Response is { StatusCode: >= 200 and < 300 } ok)
            {
                await On2xxAsync(ok).ConfigureAwait(false);
                return;
            }
            OutboundLegResult failure;
            lock (_gate)
            {
                if (State == OutboundLegState.Ended)
                {
                    return;
                }
                var reason = result.Response?.ReasonPhrase
                    ?? (result.Failure == SipClientFailure.Timeout ? "No response (Timer B)" : "Transport error");
                var outcome = _cancelAs
                    ?? (result.Failure != SipClientFailure.None || result.StatusCode is 408 or 503 ? OutboundLegOutcome.Unreachable : OutboundLegOutcome.Rejected);
                failure = new OutboundLegResult(outcome, result.StatusCode, reason, null);
            }
            Fail(failure);
        }
        catch (Exception exception)
        {
            OutboundLegLog.HandlerFailed(_service.Logger, CallId, "INVITE result", exception);
            Fail(new OutboundLegResult(OutboundLegOutcome.Unreachable, 500, "Internal error", null));
        }
    }

    private void Fail(OutboundLegResult result)
    {
        if (Close(result.Reason))
        {
            OutboundLegLog.NotAnswered(_service.Logger, CallId, result.Outcome, result.StatusCode, result.Reason);
        }
        _completion.TrySetResult(result);
    }

    /// <summary>
    /// Every 2xx to the INVITE, first or retransmitted (RFC 6026 §7.2: the transaction passes later ones up).
    /// The first creates the dialog (§13.2.2.4) and is ACKed by us, not the transaction; a retransmission
    /// gets the same ACK again. A 2xx from another fork, or one that arrives after we gave up or crossed
    /// our CANCEL, is ACKed and ended with BYE.
    /// </summary>
    private async Task On2xxAsync(SipResponse response)
    {
        try
        {
            SipRequest? ack = null;
            SipDialog? unwanted = null;
            OutboundLegResult? result = null;
            lock (_gate)
            {
                if (_answered is { } current && current.Id.RemoteTag == response.To.Tag)
                {
                    ack = _ack;
                }
                else if (_answered is not null)
                {
                    unwanted = SipDialog.CreateAsClient(_invite, response);
                }
                else
                {
                    result = Accept2xx(response, out ack, out unwanted);
                }
            }
            if (ack is not null)
            {
                await _service.Transactions.SendOutsideTransactionAsync(ack, Request.Destination).ConfigureAwait(false);
            }
            if (unwanted is not null)
            {
                await EndUnwantedAsync(unwanted).ConfigureAwait(false);
            }
            if (result is null)
            {
                return;
            }
            if (result.Outcome == OutboundLegOutcome.Answered)
            {
                OutboundLegLog.Answered(_service.Logger, CallId, result.Media!.RemoteRtp.ToString(), result.Media.PayloadType);
                _completion.TrySetResult(result);
                return;
            }
            Fail(result);
        }
        catch (Exception exception)
        {
            OutboundLegLog.HandlerFailed(_service.Logger, CallId, "2xx", exception);
        }
    }

    /// <summary>Under the lock: the first 2xx. Confirms the dialog and decides whether the session stays.</summary>
    private OutboundLegResult Accept2xx(SipResponse response, out SipRequest? ack, out SipDialog? unwanted)
    {
        ack = null;
        unwanted = null;
        _ringTimer?.Dispose();
        _cancelGuard?.Dispose();
        var dialog = SipDialog.CreateAsClient(_invite, response);
        if (dialog is null)
        {
            // Without a To tag there is no dialog to ACK or BYE in (§12.1.2 requires the tag).
            return new OutboundLegResult(OutboundLegOutcome.Rejected, 502, "2xx without a To tag", null);
        }
        _answered = dialog;
        _ack = ack = dialog.CreateAck(_invite.CSeq.Number, _service.ViaSentBy, OutboundLegService.Transport(Request.Destination), _service.Contact(Request.Destination));
        if (State == OutboundLegState.Ended)
        {
            // We gave up on the INVITE (no final 64*T1 after our CANCEL); this late answer only gets ACK and BYE.
            unwanted = dialog;
            return new OutboundLegResult(_cancelAs ?? OutboundLegOutcome.Cancelled, response.StatusCode, "Answered after the leg ended", null);
        }
        if (_dialog is { } early && early.Id != dialog.Id)
        {
            _service.RemoveDialog(early);
        }
        _dialog = dialog;
        _service.AddDialog(dialog, this);
        if (_cancelAs is { } cancelled)
        {
            unwanted = dialog;
            return new OutboundLegResult(cancelled, response.StatusCode, "Answered as the CANCEL crossed it; ended with BYE", null);
        }
        var media = ReadSdp(response) is { } answer && SdpOfferAnswer.TryAcceptAnswer(_offer, answer, out var negotiation, out _)
            ? ToMedia(negotiation, null)
            : null;
        if (media is null)
        {
            unwanted = dialog;
            return new OutboundLegResult(OutboundLegOutcome.Rejected, 488, "Answer without a usable codec or address", null);
        }
        _media = media;
        State = OutboundLegState.Connected;
        return new OutboundLegResult(OutboundLegOutcome.Answered, response.StatusCode, response.ReasonPhrase, media);
    }

    /// <summary>§13.2.2.4 / §15: a dialog we do not want is still ACKed, then ended with BYE.</summary>
    private async Task EndUnwantedAsync(SipDialog dialog)
    {
        if (!ReferenceEquals(dialog, _answered))
        {
            var ack = dialog.CreateAck(_invite.CSeq.Number, _service.ViaSentBy, OutboundLegService.Transport(Request.Destination), _service.Contact(Request.Destination));
            await _service.Transactions.SendOutsideTransactionAsync(ack, Request.Destination).ConfigureAwait(false);
        }
        _ = SendAsync(InDialogRequest(dialog, SipMethods.Bye));
    }
}
