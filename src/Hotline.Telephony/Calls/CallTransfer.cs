using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Calls;

/// <summary>
/// Hands a call's caller to another agent or queue (AgentDesk.Transfer, or REFER from the agent's phone).
/// Runs on the call center's loop.
/// </summary>
internal sealed class CallTransfer(HotlineCall call)
{
    // Attended transfer: the transferring agent's leg, released when the target answers.
    private OutboundLeg? _releaseOnAnswer;

    /// <summary>
    /// The caller hears hold music until the target answers; the recording carries on in the same file. Blind:
    /// the transferring agent is released at once. Attended: its line stays up until the target answers.
    /// </summary>
    public CallCenterResult Transfer(string target, bool attended)
    {
        var center = call.Center;
        if (call.Agent.Leg is null || call.Agent.AgentId is not { } from)
        {
            return CallCenterResult.Refuse(CallCenterRefusal.NotFound, "no connected call");
        }
        target = target.Trim();
        if (!center.IsTransferTarget(target) || target == from)
        {
            return CallCenterResult.Refuse(CallCenterRefusal.InvalidArgument, $"{target} is neither a queue nor another agent");
        }
        // Released before the ACD acts, so the caller counts as waiting again when the target is offered the call.
        var leg = call.Agent.Detach()!;
        var outcome = center.Run(acd => acd.Transfer(call.Id, from, target));
        if (outcome.IsRefused)
        {
            call.Agent.Reattach(leg);
            return CallCenterResult.Refuse(CallCenterRefusal.WrongState, outcome.Refusal!);
        }
        call.Record(new CallTransferred(call.Now, from, target, attended));
        call.Monitor.End("call transferred");
        center.Publish(from, call.Notice(AgentCallPhase.Ended, "transferred to " + target));
        if (attended && call.Agent.IsRinging)
        {
            _releaseOnAnswer = leg;
        }
        else
        {
            _ = leg.HangUpAsync("transferred");
        }
        call.Flow.PlayHoldMusicIfIdle();
        return CallCenterResult.Done;
    }

    /// <summary>The transferring agent's leg waiting for the target's answer, taken once.</summary>
    public OutboundLeg? TakeReleaseOnAnswer() => Interlocked.Exchange(ref _releaseOnAnswer, null);

    /// <summary>REFER from the agent's phone (RFC 3515): the Refer-To user part names the target agent or queue.</summary>
    public bool OnReferred(OutboundLeg leg, string referTo)
    {
        var uri = referTo.Trim().TrimStart('<');
        var end = uri.IndexOf('>', StringComparison.Ordinal);
        if (!SipUri.TryParse(end >= 0 ? uri[..end] : uri, out var parsed) || parsed.UnescapedUser is not { Length: > 0 } target)
        {
            return false;
        }
        var attended = referTo.Contains("Replaces", StringComparison.OrdinalIgnoreCase);
        call.Center.Post(() =>
        {
            var result = ReferenceEquals(leg, call.Agent.Leg) ? Transfer(target, attended) : CallCenterResult.Refuse(CallCenterRefusal.NotFound, "no connected call");
            _ = leg.NotifyTransferOutcomeAsync(result.IsDone ? 200 : 603);
        });
        return true;
    }
}
