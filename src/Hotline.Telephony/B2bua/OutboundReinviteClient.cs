using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using Hotline.Telephony.Sdp;
using Hotline.Telephony.Sip.Dialogs;
using Hotline.Telephony.Sip.Syntax;
using Hotline.Telephony.Sip.Transactions;

namespace Hotline.Telephony.B2bua;

/// <summary>Our re-INVITEs on a connected leg: hold and resume (RFC 3264 §8.4), with the glare retry of §14.1.</summary>
internal sealed class OutboundReinviteClient(OutboundLeg leg)
{
    /// <summary>How often a re-INVITE answered 491 (glare) is tried again before giving up.</summary>
    private const int GlareRetries = 2;

    /// <summary>
    /// Hold (a=sendonly) or resume (a=sendrecv) by re-INVITE, RFC 3264 §8.4; true when the peer accepted
    /// with a 2xx and a usable answer. A 491 (both sides re-INVITEd at once) is retried after 2.1–4 s, as
    /// §14.1 asks of the Call-ID's owner; a 481, 408 or no answer means the dialog is gone (§12.2.1.2).
    /// </summary>
    public async Task<bool> SetHoldAsync(bool hold)
    {
        var direction = hold ? MediaDirection.SendOnly : MediaDirection.SendRecv;
        SipDialog dialog;
        lock (leg.Gate)
        {
            if (leg.State != OutboundLegState.Connected || leg.ReinviteInProgress || leg.AwaitsReinviteAck)
            {
                return false;
            }
            leg.ReinviteInProgress = true;
            dialog = leg.CurrentDialog!;
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
                await Task.Delay(TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(2100, 4001)), leg.Service.Time).ConfigureAwait(false);
            }
        }
        finally
        {
            lock (leg.Gate)
            {
                leg.ReinviteInProgress = false;
            }
        }
    }

    /// <summary>One re-INVITE round; 200 when the new direction holds, otherwise the status that refused it.</summary>
    private async Task<int> ReinviteAsync(SipDialog dialog, MediaDirection direction)
    {
        var service = leg.Service;
        var destination = leg.Request.Destination;
        SipRequest reinvite;
        SessionDescription offer;
        lock (leg.Gate)
        {
            if (leg.State != OutboundLegState.Connected)
            {
                return 481;
            }
            offer = leg.Sdp.CreateOffer(direction);
            reinvite = SipBodies.WithBody(
                leg.InDialogRequest(dialog, SipMethods.Invite).WithHeader(SipHeaderNames.Allow, OutboundLeg.Allowed), "application/sdp", SdpWriter.Write(offer));
        }
        var ack = new StrongBox<SipRequest?>();
        var result = await service.Transactions.SendRequestAsync(reinvite, destination, onAdditional2xx: retransmitted =>
        {
            // §13.2.2.4: every retransmission of the 2xx gets the same ACK again.
            if (Volatile.Read(ref ack.Value) is { } again)
            {
                _ = service.Transactions.SendOutsideTransactionAsync(again, destination);
            }
        }).ConfigureAwait(false);
        OutboundLegLog.RequestDone(service.Logger, leg.CallId, SipMethods.Invite, result.StatusCode);
        if (result.Response is { StatusCode: >= 200 and < 300 } ok)
        {
            var first = dialog.CreateAck(reinvite.CSeq.Number, service.ViaSentBy, OutboundLegService.Transport(destination), service.Contact(destination));
            Volatile.Write(ref ack.Value, first);
            await service.Transactions.SendOutsideTransactionAsync(first, destination).ConfigureAwait(false);
            if (SipBodies.ReadSdp(ok) is not { } answer || !SdpOfferAnswer.TryAcceptAnswer(offer, answer, out var negotiation, out _))
            {
                return 488;
            }
            lock (leg.Gate)
            {
                leg.Sdp.Commit(direction);
            }
            leg.UpdateMedia(negotiation);
            return 200;
        }
        if (result.Failure != SipClientFailure.None || result.StatusCode is 408 or 481)
        {
            await leg.SessionDiedAsync($"re-INVITE ended {result.StatusCode}", sendBye: result.StatusCode != 481).ConfigureAwait(false);
        }
        return result.StatusCode;
    }
}
