using Hotline.Telephony.B2bua;
using Hotline.Telephony.Media.Mixing;

namespace Hotline.Telephony.Calls;

/// <summary>
/// A call's three-party conference (三方通话): the department dialled through the trunk, mixed with caller and
/// agent, and the agent leaving the two of them talking. Runs on the call center's loop.
/// </summary>
internal sealed class ThreePartyCall(HotlineCall call)
{
    private ConferenceBridge? _conference;
    private OutboundLeg? _department;
    private bool _agentLeft;

    /// <summary>A department is being dialled into the call or is on it.</summary>
    public bool IsActive => _conference is not null;

    /// <summary>Dials the department into the call; completes when it answered and the mix runs, or failed.</summary>
    public Task<CallCenterResult> Add(string number)
    {
        var center = call.Center;
        if (call.Agent.Leg is null || call.Agent.Media is not { } agentMedia)
        {
            return Task.FromResult(CallCenterResult.Refuse(CallCenterRefusal.NotFound, "no connected call"));
        }
        if (call.Consultation.IsActive)
        {
            return Task.FromResult(CallCenterResult.Refuse(CallCenterRefusal.WrongState, $"a consultation is {call.Consultation.State.ToString().ToUpperInvariant()}"));
        }
        if (call.Monitor.IsActive)
        {
            return Task.FromResult(CallCenterResult.Refuse(CallCenterRefusal.WrongState, "a supervisor is monitoring the call"));
        }
        if (_conference is not null)
        {
            return Task.FromResult(CallCenterResult.Refuse(CallCenterRefusal.WrongState, "the call is already a three-party call"));
        }
        var bridge = ConferenceBridge.TryCreate(call.Relay, center.Links.Ports, center.Time, call.Agent.Recorder);
        if (bridge is null)
        {
            return Task.FromResult(CallCenterResult.Refuse(CallCenterRefusal.Unavailable, "RTP ports exhausted"));
        }
        var leg = center.DialTrunk(number, bridge.Guest.LocalPort);
        if (leg is null)
        {
            _ = bridge.DisposeAsync().AsTask();
            return Task.FromResult(CallCenterResult.Refuse(CallCenterRefusal.Unavailable, "no trunk is configured"));
        }
        _conference = bridge;
        _department = leg;
        var joined = new TaskCompletionSource<CallCenterResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        leg.RemoteEnded += (ended, _) => center.Post(() => OnDepartmentLeft(ended));
        leg.Completion.ContinueWith(
            completed => center.Post(() => joined.SetResult(OnDepartmentAnswered(leg, completed.Result, agentMedia.PayloadType))),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
        return joined.Task;
    }

    /// <summary>The agent leaves the caller with the department (both keep talking); the agent goes to wrap-up.</summary>
    public CallCenterResult Leave()
    {
        if (_conference is not { } bridge || !bridge.IsMixing(ConferenceParty.ThirdParty) || call.Agent.Leg is not { } leg)
        {
            return CallCenterResult.Refuse(CallCenterRefusal.WrongState, "no three-party call to leave");
        }
        bridge.Remove(ConferenceParty.Agent);
        _agentLeft = true;
        call.Agent.Release(leg, "left the three-party call");
        return CallCenterResult.Done;
    }

    /// <summary>
    /// The agent hung up: in a three-party call that leaves the caller with the department (true); otherwise
    /// (false) the ordinary two-party ending applies.
    /// </summary>
    public bool AgentHungUp(OutboundLeg leg, string reason)
    {
        if (_conference is not { } bridge || !bridge.IsMixing(ConferenceParty.ThirdParty))
        {
            return false;
        }
        bridge.Remove(ConferenceParty.Agent);
        _agentLeft = true;
        call.Agent.Release(leg, reason, sendBye: false);
        return true;
    }

    /// <summary>The call is over, or back to two parties: the mix stops and the department is hung up.</summary>
    public void End()
    {
        if (Interlocked.Exchange(ref _conference, null) is { } bridge)
        {
            _ = bridge.DisposeAsync().AsTask();
        }
        if (Interlocked.Exchange(ref _department, null) is { } department)
        {
            _ = department.HangUpAsync("three-party call ended");
        }
    }

    private CallCenterResult OnDepartmentAnswered(OutboundLeg leg, OutboundLegResult result, byte agentPayloadType)
    {
        if (!ReferenceEquals(leg, _department) || call.Ended)
        {
            _ = leg.HangUpAsync("call already over");
            return CallCenterResult.Refuse(CallCenterRefusal.NotFound, "the call ended");
        }
        if (result.Outcome != OutboundLegOutcome.Answered || result.Media is not { } media || call.Agent.Leg is null)
        {
            End();
            return CallCenterResult.Refuse(CallCenterRefusal.Unavailable, $"the department was not reached: {result.StatusCode} {result.Reason}");
        }
        _conference!.Guest.Secure(media.Srtp);
        _conference.Guest.SetSignalledRemote(media.RemoteRtp);
        _conference.Start(call.Caller.PayloadType, agentPayloadType, media.PayloadType);
        return CallCenterResult.Done;
    }

    /// <summary>The department hung up: back to a two-party call, or, if the agent had left, the call is over.</summary>
    private void OnDepartmentLeft(OutboundLeg leg)
    {
        if (!ReferenceEquals(leg, _department) || call.Ended)
        {
            return;
        }
        _department = null;
        End();
        if (_agentLeft)
        {
            call.HangUpByHotline("department hung up");
        }
    }
}
