using System.Globalization;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Media.Mixing;

namespace Hotline.Telephony.Calls;

/// <summary>
/// A call's consultative transfer (咨询转): the caller is held with music while the agent talks with another
/// agent or a department through a conference bridge that leaves the caller out; then either the caller is
/// put through to the consulted party, relayed directly as it was to the agent (complete), or the consulted
/// party is hung up and the agent is back with the caller (cancel). The bridge feeds the call's recorder,
/// so the recording goes on in the same file.
/// Runs on the call center's loop.
/// </summary>
internal sealed class Consultation(HotlineCall call)
{
    private ConferenceBridge? _bridge;
    private OutboundLeg? _consulted;
    private ConsultTarget? _target;
    private TaskCompletionSource<CallCenterResult>? _answered;
    private byte _consultedPayloadType;

    public ConsultState State { get; private set; } = ConsultState.Idle;

    /// <summary>A consultation holds the relay (dialling, talking, or transferred through the bridge).</summary>
    public bool IsActive => State != ConsultState.Idle;

    /// <summary>The ACD's id for the consulted agent's part: the call's id is the caller's.</summary>
    public string ConsultCallId => call.Id + "/consult";

    /// <summary>Null when a consultation may start now; otherwise the precise refusal.</summary>
    public CallCenterResult? CanStart()
    {
        if (call.Agent.Leg is null || call.Agent.Media is null)
        {
            return CallCenterResult.Refuse(CallCenterRefusal.WrongState, "the call has no connected agent");
        }
        if (State != ConsultState.Idle)
        {
            return CallCenterResult.Refuse(CallCenterRefusal.WrongState, $"a consultation with {_target!.Label} is already {Name(State)}");
        }
        return call.ThreeParty.IsActive ? CallCenterResult.Refuse(CallCenterRefusal.WrongState, "the call is a three-party call") : null;
    }

    /// <summary>Holds the caller and dials the target; completes when it answered (or failed, the caller back with the agent).</summary>
    public Task<CallCenterResult> Start(ConsultTarget target)
    {
        var center = call.Center;
        if (CanStart() is { } refused)
        {
            return Task.FromResult(refused);
        }
        // The relay feeds one mixer at a time, and a supervisor has nothing to hear while the caller is on hold.
        call.Monitor.End("agent consulting");
        var bridge = ConferenceBridge.TryCreate(call.Relay, center.Links.Ports, center.Time, call.Agent.Recorder);
        if (bridge is null)
        {
            return Refused(CallCenterRefusal.Unavailable, "RTP ports exhausted");
        }
        var leg = target.Dial(bridge.Guest.LocalPort);
        if (leg is null)
        {
            _ = bridge.DisposeAsync().AsTask();
            return Refused(CallCenterRefusal.Unavailable, $"{target.Label} cannot be dialled (no trunk is configured)");
        }
        _bridge = bridge;
        _consulted = leg;
        _target = target;
        State = ConsultState.Dialing;
        call.Agent.SetHold(true);
        var answered = new TaskCompletionSource<CallCenterResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        _answered = answered;
        leg.RemoteEnded += (ended, reason) => center.Post(() => OnConsultedLeft(ended, reason));
        leg.Completion.ContinueWith(
            completed => center.Post(() => answered.TrySetResult(OnConsultedAnswered(leg, completed.Result))),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
        return answered.Task;
    }

    /// <summary>The caller takes the agent's place with the consulted party; the agent leaves for wrap-up.</summary>
    public CallCenterResult Complete()
    {
        if (State != ConsultState.Consulting || call.Agent.Leg is not { } leg || call.Agent.AgentId is not { } agentId)
        {
            return CallCenterResult.Refuse(CallCenterRefusal.WrongState, $"no consultation to complete: it is {Name(State)}");
        }
        PutCallerThrough();
        call.Record(new CallTransferred(call.Now, agentId, _target!.Label, Attended: true));
        call.Agent.Release(leg, "transferred to " + _target.Label + " after consultation");
        return CallCenterResult.Done;
    }

    /// <summary>The consulted party is hung up and the agent is back with the caller.</summary>
    public CallCenterResult Cancel()
    {
        if (State is not (ConsultState.Dialing or ConsultState.Consulting))
        {
            return CallCenterResult.Refuse(CallCenterRefusal.WrongState, $"no consultation to cancel: it is {Name(State)}");
        }
        _answered?.TrySetResult(CallCenterResult.Refuse(CallCenterRefusal.Unavailable, "the consultation was cancelled"));
        BackToCaller();
        return CallCenterResult.Done;
    }

    /// <summary>
    /// The agent hung up while consulting: the caller is not left alone on hold. Once the consulted party
    /// answered the caller is put through to it (true: the call goes on); before that the consultation ends
    /// and the ordinary ending applies (false).
    /// </summary>
    public bool AgentHungUp(OutboundLeg leg)
    {
        if (State == ConsultState.Consulting && ReferenceEquals(leg, call.Agent.Leg))
        {
            PutCallerThrough();
            call.Record(new CallTransferred(call.Now, call.Agent.AgentId!, _target!.Label, Attended: true));
            call.Agent.Release(leg, "hung up after consulting", sendBye: false);
            return true;
        }
        if (State == ConsultState.Dialing)
        {
            _answered?.TrySetResult(CallCenterResult.Refuse(CallCenterRefusal.Unavailable, "the agent hung up"));
            End();
        }
        return false;
    }

    /// <summary>The call is over: the consulted party is hung up, the bridge stops, the consulted agent wraps up.</summary>
    public void End()
    {
        if (State == ConsultState.Idle)
        {
            return;
        }
        State = ConsultState.Idle;
        if (Interlocked.Exchange(ref _bridge, null) is { } bridge)
        {
            _ = bridge.DisposeAsync().AsTask();
        }
        if (Interlocked.Exchange(ref _consulted, null) is { } consulted)
        {
            _ = consulted.HangUpAsync("consultation ended");
        }
        if (_target?.AgentId is not null)
        {
            call.Center.Run(acd => acd.CallEnded(ConsultCallId));
        }
    }

    private CallCenterResult OnConsultedAnswered(OutboundLeg leg, OutboundLegResult result)
    {
        if (!ReferenceEquals(leg, _consulted) || call.Ended || State != ConsultState.Dialing)
        {
            if (result.Outcome == OutboundLegOutcome.Answered)
            {
                _ = leg.HangUpAsync("consultation already over");
            }
            return CallCenterResult.Refuse(CallCenterRefusal.Unavailable, "the consultation ended before the answer");
        }
        if (result.Outcome != OutboundLegOutcome.Answered || result.Media is not { } media || call.Agent.Media is not { } agentMedia)
        {
            BackToCaller();
            return CallCenterResult.Refuse(CallCenterRefusal.Unavailable,
                string.Create(CultureInfo.InvariantCulture, $"{_target?.Label} was not reached: {result.StatusCode} {result.Reason}"));
        }
        var bridge = _bridge!;
        bridge.Guest.Secure(media.Srtp);
        bridge.Guest.SetSignalledRemote(media.RemoteRtp);
        _consultedPayloadType = media.PayloadType;
        // The caller stays out of the mix (and hears the music): only agent and consulted party talk.
        call.Relay.Caller.ForwardingEnabled = false;
        call.Relay.Agent.ForwardingEnabled = true;
        bridge.Start(call.Caller.PayloadType, agentMedia.PayloadType, media.PayloadType);
        bridge.Remove(ConferenceParty.Caller);
        State = ConsultState.Consulting;
        return CallCenterResult.Done;
    }

    /// <summary>The consulted party hung up: while consulting the agent is back with the caller; once transferred the call is over.</summary>
    private void OnConsultedLeft(OutboundLeg leg, string reason)
    {
        if (!ReferenceEquals(leg, _consulted) || call.Ended)
        {
            return;
        }
        _consulted = null;
        if (State == ConsultState.Transferred)
        {
            End();
            call.HangUpByHotline("consulted party hung up");
            return;
        }
        CallsLog.ConsultedLeft(call.Center.Logger, call.Id, reason);
        BackToCaller();
    }

    /// <summary>
    /// The caller and the consulted party are put through to each other: relayed directly, packet by packet,
    /// as caller and agent were (through the mixer only when their G.711 laws differ); the agent's seat is gone.
    /// </summary>
    private void PutCallerThrough()
    {
        call.Flow.Silence();
        _bridge!.HandOverToGuest(call.Caller.PayloadType, _consultedPayloadType);
        call.Relay.Caller.ForwardingEnabled = true;
        State = ConsultState.Transferred;
    }

    private void BackToCaller()
    {
        End();
        if (!call.Ended && call.Agent.Leg is not null)
        {
            call.Agent.SetHold(false);
        }
    }

    private static string Name(ConsultState state) => state switch
    {
        ConsultState.Idle => "IDLE",
        ConsultState.Dialing => "DIALING",
        ConsultState.Consulting => "CONSULTING",
        _ => "TRANSFERRED",
    };

    private static Task<CallCenterResult> Refused(CallCenterRefusal refusal, string detail) =>
        Task.FromResult(CallCenterResult.Refuse(refusal, detail));
}
