using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Hotline.Telephony.Sdp;
using Hotline.Telephony.Sip.Dialogs;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;

namespace Hotline.Telephony.B2bua;

/// <summary>What we do to a connected leg: hang up (BYE) and hold or resume (re-INVITE).</summary>
internal sealed partial class OutboundLeg
{
    /// <summary>How often a re-INVITE answered 491 (glare) is tried again before giving up.</summary>
    private const int GlareRetries = 2;

    /// <summary>After answer: BYE (§15.1.1). Before answer: CANCEL, as <see cref="CancelAsync"/>. Completes when the leg has ended.</summary>
    public async Task HangUpAsync(string reason)
    {
        if (!RequestCancel(OutboundLegOutcome.Cancelled))
        {
            await Completion.ConfigureAwait(false);
            return;
        }
        SipRequest bye;
        lock (_gate)
        {
            if (State != OutboundLegState.Connected)
            {
                return;
            }
            bye = InDialogRequest(_dialog!, SipMethods.Bye);
        }
        if (Close(reason))
        {
            await SendAsync(bye).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Hold (a=sendonly) or resume (a=sendrecv) by re-INVITE, RFC 3264 §8.4; true when the peer accepted
    /// with a 2xx and a usable answer. A 491 (both sides re-INVITEd at once) is retried after 2.1–4 s, as
    /// §14.1 asks of the Call-ID's owner; a 481, 408 or no answer means the dialog is gone (§12.2.1.2).
    /// </summary>
    public async Task<bool> SetHoldAsync(bool hold)
    {
        var direction = hold ? MediaDirection.SendOnly : MediaDirection.SendRecv;
        SipDialog dialog;
        lock (_gate)
        {
            if (State != OutboundLegState.Connected || _reinviteInProgress || _pendingOk is not null)
            {
                return false;
            }
            _reinviteInProgress = true;
            dialog = _dialog!;
        }
        try
        {
            for (var attempt = 0; ; attempt++)
            {
                var outcome = await ReinviteAsync(dialog, direction).ConfigureAwait(false);
                if (outcome != 491 || attempt == GlareRetries)
                {
                    return outcome == 200;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(2100, 4001)), _service.Time).ConfigureAwait(false);
            }
        }
        finally
        {
            lock (_gate)
            {
                _reinviteInProgress = false;
            }
        }
    }

    /// <summary>One re-INVITE round; 200 when the new direction holds, otherwise the status that refused it.</summary>
    private async Task<int> ReinviteAsync(SipDialog dialog, MediaDirection direction)
    {
        SipRequest reinvite;
        SessionDescription offer;
        lock (_gate)
        {
            if (State != OutboundLegState.Connected)
            {
                return 481;
            }
            offer = _sdp.CreateOffer(direction);
            reinvite = WithBody(InDialogRequest(dialog, SipMethods.Invite).WithHeader(SipHeaderNames.Allow, Allowed), "application/sdp", SdpWriter.Write(offer));
        }
        var ack = new StrongBox<SipRequest?>();
        var result = await _service.Transactions.SendRequestAsync(reinvite, Request.Destination, onAdditional2xx: retransmitted =>
        {
            // §13.2.2.4: every retransmission of the 2xx gets the same ACK again.
            if (Volatile.Read(ref ack.Value) is { } again)
            {
                _ = _service.Transactions.SendOutsideTransactionAsync(again, Request.Destination);
            }
        }).ConfigureAwait(false);
        OutboundLegLog.RequestDone(_service.Logger, CallId, SipMethods.Invite, result.StatusCode);
        if (result.Response is { StatusCode: >= 200 and < 300 } ok)
        {
            var first = dialog.CreateAck(reinvite.CSeq.Number, _service.ViaSentBy, OutboundLegService.Transport(Request.Destination), _service.Contact(Request.Destination));
            Volatile.Write(ref ack.Value, first);
            await _service.Transactions.SendOutsideTransactionAsync(first, Request.Destination).ConfigureAwait(false);
            if (ReadSdp(ok) is not { } answer || !SdpOfferAnswer.TryAcceptAnswer(offer, answer, out var negotiation, out _))
            {
                return 488;
            }
            lock (_gate)
            {
                _sdp.Commit(direction);
            }
            UpdateMedia(negotiation);
            return 200;
        }
        if (result.Failure != SipClientFailure.None || result.StatusCode is 408 or 481)
        {
            await SessionDiedAsync($"re-INVITE ended {result.StatusCode}", sendBye: result.StatusCode != 481).ConfigureAwait(false);
        }
        return result.StatusCode;
    }

    /// <summary>The dialog is gone or unusable: end the leg, tell the owner, and BYE when the peer may still hold it.</summary>
    private async Task SessionDiedAsync(string reason, bool sendBye)
    {
        SipRequest? bye = null;
        lock (_gate)
        {
            if (State != OutboundLegState.Connected)
            {
                return;
            }
            if (sendBye)
            {
                bye = InDialogRequest(_dialog!, SipMethods.Bye);
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
}
