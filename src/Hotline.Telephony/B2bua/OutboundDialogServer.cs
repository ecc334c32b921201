using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Hotline.Telephony.Media.Dtmf;
using Hotline.Telephony.Sdp;
using Hotline.Telephony.Sip.Dialogs;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;

namespace Hotline.Telephony.B2bua;

/// <summary>
/// Requests the called party sends inside the leg's dialog (RFC 3261 §12.2.2): BYE, re-INVITE and its ACK,
/// INFO, OPTIONS; REFER goes to the <see cref="OutboundReferHandler"/>. Shares the leg's lock and state.
/// </summary>
internal sealed class OutboundDialogServer(OutboundLeg leg, OutboundReferHandler referHandler)
{
    private static readonly HashSet<string> KnownButNotAllowed =
        [SipMethods.Subscribe, SipMethods.Notify, SipMethods.Update, SipMethods.Prack, SipMethods.Message, "PUBLISH"];

    private OkRetransmitter? _pendingOk;
    private SessionDescription? _offerInOk;

    public void OnRequest(ISipServerTransaction transaction)
    {
        try
        {
            Dispatch(transaction);
        }
        catch (Exception exception)
        {
            OutboundLegLog.HandlerFailed(leg.Service.Logger, leg.CallId, transaction.Request.Method, exception);
            leg.Respond(transaction, SipResponseBuilder.For(transaction.Request, 500).Build());
        }
    }

    /// <summary>The ACK for our 2xx to the called party's re-INVITE; an offer we put in that 2xx is answered here.</summary>
    public void OnAck(SipRequest ack)
    {
        OkRetransmitter? pending;
        SessionDescription? offer;
        lock (leg.Gate)
        {
            pending = _pendingOk;
            if (pending is null || pending.CSeq != ack.CSeq.Number)
            {
                return;
            }
            _pendingOk = null;
            offer = _offerInOk;
            _offerInOk = null;
        }
        pending.Dispose();
        if (offer is not null && SipBodies.ReadSdp(ack) is { } answer && SdpOfferAnswer.TryAcceptAnswer(offer, answer, out var negotiation, out _))
        {
            leg.UpdateMedia(negotiation);
        }
    }

    /// <summary>Under the leg's lock: our 2xx to a re-INVITE waits for its ACK.</summary>
    public bool AwaitsAck => _pendingOk is not null;

    /// <summary>Under the leg's lock, as it closes: the 2xx still being retransmitted, for the caller to stop.</summary>
    public OkRetransmitter? TakePendingOk()
    {
        var pending = _pendingOk;
        _pendingOk = null;
        return pending;
    }

    private void Dispatch(ISipServerTransaction transaction)
    {
        var request = transaction.Request;
        SipDialog? dialog;
        bool connected;
        lock (leg.Gate)
        {
            dialog = leg.CurrentDialog;
            connected = leg.State == OutboundLegState.Connected;
        }
        if (dialog is null || leg.State == OutboundLegState.Ended)
        {
            leg.Respond(transaction, SipResponseBuilder.For(request, 481).Build());
            return;
        }
        if (!dialog.AcceptRemoteCSeq(request))
        {
            leg.Respond(transaction, SipResponseBuilder.For(request, 500, "CSeq Out Of Order").Build());
            return;
        }
        switch (request.Method)
        {
            case SipMethods.Bye:
                OnBye(transaction, connected);
                break;
            case SipMethods.Invite:
                OnReinvite(transaction, dialog, connected);
                break;
            case SipMethods.Info:
                OnInfo(transaction);
                break;
            case SipMethods.Refer:
                referHandler.OnRefer(transaction, connected);
                break;
            case SipMethods.Options:
                leg.Respond(transaction, SipResponseBuilder.For(request, 200)
                    .WithHeader(SipHeaderNames.Allow, OutboundLeg.Allowed).WithHeader(SipHeaderNames.Accept, "application/sdp").Build());
                break;
            default:
                // §8.2.1: 405 names what we allow; a method we do not know at all is 501 (§21.5.2).
                var status = KnownButNotAllowed.Contains(request.Method) ? 405 : 501;
                leg.Respond(transaction, SipResponseBuilder.For(request, status).WithHeader(SipHeaderNames.Allow, OutboundLeg.Allowed).Build());
                break;
        }
    }

    /// <summary>§15.1.2: answer 200, then the session is over. A BYE on an early dialog (which §15 forbids the callee) changes nothing.</summary>
    private void OnBye(ISipServerTransaction transaction, bool connected)
    {
        leg.Respond(transaction, SipResponseBuilder.For(transaction.Request, 200).Build());
        if (connected && leg.Close("called party hung up"))
        {
            leg.RaiseRemoteEnded("called party hung up");
        }
    }

    /// <summary>
    /// A re-INVITE from the called party (§14.2): answered from our current SDP, the 2xx resent until its ACK.
    /// Glare with our own re-INVITE, or one arriving before the answer to our INVITE, gets 491; one arriving
    /// while our 2xx to the previous one waits for its ACK gets 500 with Retry-After.
    /// </summary>
    private void OnReinvite(ISipServerTransaction transaction, SipDialog dialog, bool connected)
    {
        var request = transaction.Request;
        var offer = request.Body.IsEmpty ? null : SipBodies.ReadSdp(request);
        if (!request.Body.IsEmpty && offer is null)
        {
            // §21.4.1: an offer we cannot read is a bad request; the session stays as it was.
            leg.Respond(transaction, SipResponseBuilder.For(request, 400, "Unreadable SDP").Build());
            return;
        }
        NegotiatedMedia? changed = null;
        bool? held = null;
        OkRetransmitter? pending = null;
        SipResponse response;
        lock (leg.Gate)
        {
            if (!connected || leg.ReinviteInProgress)
            {
                response = SipResponseBuilder.For(request, 491).Build();
            }
            else if (_pendingOk is not null)
            {
                var retry = RandomNumberGenerator.GetInt32(0, 11).ToString(CultureInfo.InvariantCulture);
                response = SipResponseBuilder.For(request, 500).WithHeader(SipHeaderNames.RetryAfter, retry).Build();
            }
            else
            {
                response = AnswerReinvite(request, offer, dialog, out changed, out held);
                if (response.StatusCode == 200)
                {
                    _pendingOk = pending = new OkRetransmitter(transaction, response, leg.Service.Time, leg.Service.Timers, OnReinviteNotAcked);
                }
            }
        }
        if (pending is null)
        {
            leg.Respond(transaction, response);
            return;
        }
        pending.Start();
        OutboundLegLog.InDialog(leg.Service.Logger, leg.CallId, request.Method, 200);
        if (changed is not null)
        {
            leg.RaiseMediaChanged(changed);
        }
        if (held is { } holding)
        {
            leg.RaiseHoldChanged(holding);
        }
    }

    /// <summary>Under the lock: our 2xx with the answer (or, for an offerless re-INVITE, an offer), or 488.</summary>
    private SipResponse AnswerReinvite(SipRequest request, SessionDescription? offer, SipDialog dialog, out NegotiatedMedia? changed, out bool? held)
    {
        changed = null;
        held = null;
        SessionDescription local;
        if (offer is null)
        {
            // §13.2.1 / RFC 3264 §8: an INVITE without an offer gets our offer in the 2xx, answered in the ACK.
            local = _offerInOk = leg.Sdp.CreateOffer(leg.Sdp.Direction);
        }
        else if (leg.Sdp.TryAnswer(offer, out var negotiation, out var rejection) && NegotiatedMedia.From(negotiation, leg.CurrentMedia) is { } media)
        {
            local = negotiation.Local;
            if (media != leg.CurrentMedia)
            {
                leg.CurrentMedia = changed = media;
            }
            // RFC 3264 §8.4: an offer that wants nothing from us (sendonly, inactive, or the old c=0.0.0.0) is the
            // called party holding the call; a later one that wants media again resumes it.
            if (!negotiation.Sends != leg.HeldByRemote)
            {
                leg.HeldByRemote = !negotiation.Sends;
                held = leg.HeldByRemote;
            }
        }
        else
        {
            // RFC 3264 §6 / RFC 3261 §14.2: an unacceptable offer leaves the session as it was.
            return SipResponseBuilder.For(request, 488).Build();
        }
        dialog.RefreshRemoteTarget(request);
        return SipResponseBuilder.For(request, 200)
            .WithHeader(SipHeaderNames.Contact, leg.Service.Contact(leg.Request.Destination))
            .WithHeader(SipHeaderNames.Allow, OutboundLeg.Allowed)
            .WithBody("application/sdp", Encoding.UTF8.GetBytes(SdpWriter.Write(local)))
            .Build();
    }

    /// <summary>§13.3.1.4: no ACK for our 2xx within 64*T1: the session should end, with a BYE.</summary>
    private void OnReinviteNotAcked() => _ = leg.SessionDiedAsync("no ACK for our 2xx to the re-INVITE", sendBye: true);

    /// <summary>
    /// SIP INFO (RFC 6086): DTMF bodies raise <see cref="OutboundLeg.Digit"/>; an empty INFO (a keep-alive) is 200; an Info
    /// Package we do not support is 469 (§4.2.2); any other body type is 415.
    /// </summary>
    private void OnInfo(ISipServerTransaction transaction)
    {
        var request = transaction.Request;
        if (request.Headers["Info-Package"] is not null)
        {
            leg.Respond(transaction, SipResponseBuilder.For(request, 469).Build());
            return;
        }
        if (request.Body.IsEmpty)
        {
            leg.Respond(transaction, SipResponseBuilder.For(request, 200).Build());
            return;
        }
        if (!SipInfoDtmf.IsDtmfContentType(request.ContentType))
        {
            leg.Respond(transaction, SipResponseBuilder.For(request, 415)
                .WithHeader(SipHeaderNames.Accept, SipInfoDtmf.RelayContentType + ", " + SipInfoDtmf.PlainContentType).Build());
            return;
        }
        if (!SipInfoDtmf.TryParse(request.ContentType, request.Body.Span, out var digit))
        {
            leg.Respond(transaction, SipResponseBuilder.For(request, 400, "Unreadable DTMF").Build());
            return;
        }
        leg.Respond(transaction, SipResponseBuilder.For(request, 200).Build());
        leg.RaiseDigit(digit);
    }
}
