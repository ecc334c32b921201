using Hotline.Telephony.Sdp;
using Hotline.Telephony.Sip.Dialogs;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;

namespace Hotline.Telephony.B2bua;

/// <summary>
/// The leg's initial INVITE (RFC 3261 §13.2): provisional responses and the early dialog, the 2xx and its
/// ACK, failures, the ring timeout and CANCEL. Shares the leg's lock and state.
/// </summary>
internal sealed class OutboundInviteClient(OutboundLeg leg, SipRequest invite, SessionDescription offer)
{
    private ITimer? _ringTimer;
    private ITimer? _cancelGuard;
    private bool _provisionalSeen;
    private bool _cancelSent;
    private OutboundLegOutcome? _cancelAs;
    private SipDialog? _answered;
    private SipRequest? _ack;

    public void Start()
    {
        if (leg.Request.RingTimeout > TimeSpan.Zero)
        {
            lock (leg.Gate)
            {
                _ringTimer = leg.Service.Time.CreateTimer(_ => OnRingTimeout(), null, leg.Request.RingTimeout, Timeout.InfiniteTimeSpan);
            }
        }
        var pending = leg.Service.Transactions.SendRequestAsync(invite, leg.Request.Destination, OnProvisional, response => _ = On2xxAsync(response));
        _ = ObserveInviteAsync(pending);
    }

    /// <summary>Marks the INVITE for cancelling and sends the CANCEL if allowed yet; true when the leg is already connected.</summary>
    public bool RequestCancel(OutboundLegOutcome outcome)
    {
        var send = false;
        lock (leg.Gate)
        {
            if (leg.State == OutboundLegState.Connected)
            {
                return true;
            }
            if (leg.State == OutboundLegState.Ended || _answered is not null)
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

    /// <summary>Under the leg's lock, as it closes.</summary>
    public void StopTimers()
    {
        _ringTimer?.Dispose();
        _cancelGuard?.Dispose();
    }

    private void SendCancel()
    {
        lock (leg.Gate)
        {
            // §9.1: without a final response 64*T1 after the CANCEL, the INVITE counts as cancelled.
            _cancelGuard = leg.Service.Time.CreateTimer(_ => OnCancelUnanswered(), null, leg.Service.Timers.TransactionTimeout, Timeout.InfiniteTimeSpan);
        }
        _ = leg.SendAsync(SipCancelFactory.For(invite));
    }

    private void OnRingTimeout()
    {
        OutboundLegLog.RingTimeout(leg.Service.Logger, leg.CallId);
        RequestCancel(OutboundLegOutcome.Timeout);
    }

    private void OnCancelUnanswered()
    {
        OutboundLegResult result;
        lock (leg.Gate)
        {
            if (leg.State == OutboundLegState.Ended || _answered is not null || _cancelAs is not { } outcome)
            {
                return;
            }
            result = new OutboundLegResult(outcome, 408, "No final response to the cancelled INVITE", null);
        }
        leg.Fail(result);
    }

    /// <summary>Runs under the INVITE transaction's lock: records the state, never waits.</summary>
    private void OnProvisional(SipResponse response)
    {
        try
        {
            var cancel = false;
            var ringing = false;
            lock (leg.Gate)
            {
                if (leg.State == OutboundLegState.Ended || _answered is not null)
                {
                    return;
                }
                _provisionalSeen = true;
                if (_cancelAs is not null && !_cancelSent)
                {
                    _cancelSent = cancel = true;
                }
                if (response.StatusCode > 100 && leg.State == OutboundLegState.Calling && _cancelAs is null)
                {
                    leg.State = OutboundLegState.Ringing;
                    ringing = true;
                }
                // §12.1.2 / §13.2.2.1: a 1xx with a To tag (and a Contact) creates an early dialog.
                if (response.StatusCode > 100 && leg.CurrentDialog is null && SipDialog.CreateAsClient(invite, response) is { } early)
                {
                    leg.CurrentDialog = early;
                    leg.Service.AddDialog(early, leg);
                }
            }
            if (cancel)
            {
                SendCancel();
            }
            if (ringing)
            {
                leg.RaiseRinging();
            }
        }
        catch (Exception exception)
        {
            OutboundLegLog.HandlerFailed(leg.Service.Logger, leg.CallId, "provisional response", exception);
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
            lock (leg.Gate)
            {
                if (leg.State == OutboundLegState.Ended)
                {
                    return;
                }
                var reason = result.Response?.ReasonPhrase
                    ?? (result.Failure == SipClientFailure.Timeout ? "No response (Timer B)" : "Transport error");
                var outcome = _cancelAs
                    ?? (result.Failure != SipClientFailure.None || result.StatusCode is 408 or 503 ? OutboundLegOutcome.Unreachable : OutboundLegOutcome.Rejected);
                failure = new OutboundLegResult(outcome, result.StatusCode, reason, null);
            }
            leg.Fail(failure);
        }
        catch (Exception exception)
        {
            OutboundLegLog.HandlerFailed(leg.Service.Logger, leg.CallId, "INVITE result", exception);
            leg.Fail(new OutboundLegResult(OutboundLegOutcome.Unreachable, 500, "Internal error", null));
        }
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
            lock (leg.Gate)
            {
                if (_answered is { } current && current.Id.RemoteTag == response.To.Tag)
                {
                    ack = _ack;
                }
                else if (_answered is not null)
                {
                    unwanted = SipDialog.CreateAsClient(invite, response);
                }
                else
                {
                    result = Accept2xx(response, out ack, out unwanted);
                }
            }
            if (ack is not null)
            {
                await leg.Service.Transactions.SendOutsideTransactionAsync(ack, leg.Request.Destination).ConfigureAwait(false);
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
                leg.Answer(result);
                return;
            }
            leg.Fail(result);
        }
        catch (Exception exception)
        {
            OutboundLegLog.HandlerFailed(leg.Service.Logger, leg.CallId, "2xx", exception);
        }
    }

    /// <summary>Under the lock: the first 2xx. Confirms the dialog and decides whether the session stays.</summary>
    private OutboundLegResult Accept2xx(SipResponse response, out SipRequest? ack, out SipDialog? unwanted)
    {
        ack = null;
        unwanted = null;
        _ringTimer?.Dispose();
        _cancelGuard?.Dispose();
        var dialog = SipDialog.CreateAsClient(invite, response);
        if (dialog is null)
        {
            // Without a To tag there is no dialog to ACK or BYE in (§12.1.2 requires the tag).
            return new OutboundLegResult(OutboundLegOutcome.Rejected, 502, "2xx without a To tag", null);
        }
        _answered = dialog;
        _ack = ack = dialog.CreateAck(invite.CSeq.Number, leg.Service.ViaSentBy, OutboundLegService.Transport(leg.Request.Destination), leg.Service.Contact(leg.Request.Destination));
        if (leg.State == OutboundLegState.Ended)
        {
            // We gave up on the INVITE (no final 64*T1 after our CANCEL); this late answer only gets ACK and BYE.
            unwanted = dialog;
            return new OutboundLegResult(_cancelAs ?? OutboundLegOutcome.Cancelled, response.StatusCode, "Answered after the leg ended", null);
        }
        if (leg.CurrentDialog is { } early && early.Id != dialog.Id)
        {
            leg.Service.RemoveDialog(early);
        }
        leg.CurrentDialog = dialog;
        leg.Service.AddDialog(dialog, leg);
        if (_cancelAs is { } cancelled)
        {
            unwanted = dialog;
            return new OutboundLegResult(cancelled, response.StatusCode, "Answered as the CANCEL crossed it; ended with BYE", null);
        }
        SdpRejection? rejection = null;
        var media = SipBodies.ReadSdp(response) is { } answer && SdpOfferAnswer.TryAcceptAnswer(offer, answer, out var negotiation, out rejection)
            ? NegotiatedMedia.From(negotiation, null)
            : null;
        if (media is null)
        {
            // An SRTP offer answered without usable keys ends here too: ACK and BYE, and the owner sees a rejection.
            unwanted = dialog;
            return new OutboundLegResult(OutboundLegOutcome.Rejected, 488, "Answer not usable: " + (rejection?.Detail ?? "no SDP, or an address that is not an IP literal"), null);
        }
        leg.CurrentMedia = media;
        leg.State = OutboundLegState.Connected;
        return new OutboundLegResult(OutboundLegOutcome.Answered, response.StatusCode, response.ReasonPhrase, media);
    }

    /// <summary>§13.2.2.4 / §15: a dialog we do not want is still ACKed, then ended with BYE.</summary>
    private async Task EndUnwantedAsync(SipDialog dialog)
    {
        if (!ReferenceEquals(dialog, _answered))
        {
            var ack = dialog.CreateAck(invite.CSeq.Number, leg.Service.ViaSentBy, OutboundLegService.Transport(leg.Request.Destination), leg.Service.Contact(leg.Request.Destination));
            await leg.Service.Transactions.SendOutsideTransactionAsync(ack, leg.Request.Destination).ConfigureAwait(false);
        }
        _ = leg.SendAsync(leg.InDialogRequest(dialog, SipMethods.Bye));
    }
}
