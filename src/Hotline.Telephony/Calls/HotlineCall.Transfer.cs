using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Calls;

internal sealed partial class HotlineCall
{
    // Attended transfer: the transferring agent's leg, released when the target answers.
    private OutboundLeg? _releaseOnAnswer;

    /// <summary>
    /// Hands the caller to another agent or queue (AgentDesk.Transfer, or REFER from the agent's phone). The
    /// caller hears hold music until the target answers; the recording carries on in the same file. Blind:
    /// the transferring agent is released at once. Attended: its line stays up until the target answers
    /// (a consultation where both agents talk first would need a third media leg; not built yet).
    /// </summary>
    public CallCenterResult Transfer(string target, bool attended)
    {
        if (_agentLeg is not { } leg || _agentId is not { } from)
        {
            return CallCenterResult.Refuse(CallCenterRefusal.NotFound, "no connected call");
        }
        target = target.Trim();
        if (!_center.IsTransferTarget(target) || target == from)
        {
            return CallCenterResult.Refuse(CallCenterRefusal.InvalidArgument, $"{target} is neither a queue nor another agent");
        }
        // Released before the ACD acts, so the caller counts as waiting again when the target is offered the call.
        _agentLeg = null;
        _onHold = false;
        Relay.Caller.ForwardingEnabled = false;
        Relay.Agent.ForwardingEnabled = false;
        var outcome = _center.Run(acd => acd.Transfer(Id, from, target));
        if (outcome.IsRefused)
        {
            _agentLeg = leg;
            Relay.Caller.ForwardingEnabled = true;
            Relay.Agent.ForwardingEnabled = true;
            return CallCenterResult.Refuse(CallCenterRefusal.WrongState, outcome.Refusal!);
        }
        Record(new CallTransferred(Now, from, target, attended));
        _center.Publish(from, Notice(AgentCallPhase.Ended, "transferred to " + target));
        if (attended && _ringing is not null)
        {
            _releaseOnAnswer = leg;
        }
        else
        {
            _ = leg.HangUpAsync("transferred");
        }
        PlayHoldMusicIfIdle();
        return CallCenterResult.Done;
    }

    /// <summary>REFER from the agent's phone (RFC 3515): the Refer-To user part names the target agent or queue.</summary>
    private bool OnReferred(OutboundLeg leg, string referTo)
    {
        var uri = referTo.Trim().TrimStart('<');
        var end = uri.IndexOf('>', StringComparison.Ordinal);
        if (!SipUri.TryParse(end >= 0 ? uri[..end] : uri, out var parsed) || parsed.UnescapedUser is not { Length: > 0 } target)
        {
            return false;
        }
        var attended = referTo.Contains("Replaces", StringComparison.OrdinalIgnoreCase);
        _center.Post(() =>
        {
            var result = ReferenceEquals(leg, _agentLeg) ? Transfer(target, attended) : CallCenterResult.Refuse(CallCenterRefusal.NotFound, "no connected call");
            _ = leg.NotifyTransferOutcomeAsync(result.IsDone ? 200 : 603);
        });
        return true;
    }
}
