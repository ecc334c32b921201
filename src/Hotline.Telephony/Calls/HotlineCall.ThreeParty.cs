using Hotline.Telephony.B2bua;
using Hotline.Telephony.Media.Mixing;
using Hotline.Telephony.Media.Recording;

namespace Hotline.Telephony.Calls;

internal sealed partial class HotlineCall
{
    private ConferenceBridge? _conference;
    private OutboundLeg? _department;
    private bool _agentLeftConference;

    /// <summary>Dials the department into the call; completes when it answered and the mix runs, or failed.</summary>
    public Task<CallCenterResult> AddThirdParty(string number)
    {
        if (_agentLeg is null || _answeredMediaOfAgent is not { } agentMedia)
        {
            return Task.FromResult(CallCenterResult.Refuse(CallCenterRefusal.NotFound, "no connected call"));
        }
        if (_conference is not null)
        {
            return Task.FromResult(CallCenterResult.Refuse(CallCenterRefusal.WrongState, "the call is already a three-party call"));
        }
        var bridge = ConferenceBridge.TryCreate(Relay, _center.Links.Ports, _center.Time, _recorder);
        if (bridge is null)
        {
            return Task.FromResult(CallCenterResult.Refuse(CallCenterRefusal.Unavailable, "RTP ports exhausted"));
        }
        var leg = _center.DialTrunk(number, bridge.ThirdParty.LocalPort);
        if (leg is null)
        {
            _ = bridge.DisposeAsync().AsTask();
            return Task.FromResult(CallCenterResult.Refuse(CallCenterRefusal.Unavailable, "no trunk is configured"));
        }
        _conference = bridge;
        _department = leg;
        var joined = new TaskCompletionSource<CallCenterResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        leg.RemoteEnded += (ended, _) => _center.Post(() => OnDepartmentLeft(ended));
        leg.Completion.ContinueWith(
            completed => _center.Post(() => joined.SetResult(OnDepartmentAnswered(leg, completed.Result, agentMedia.PayloadType))),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
        return joined.Task;
    }

    private CallCenterResult OnDepartmentAnswered(OutboundLeg leg, OutboundLegResult result, byte agentPayloadType)
    {
        if (!ReferenceEquals(leg, _department) || _ended)
        {
            _ = leg.HangUpAsync("call already over");
            return CallCenterResult.Refuse(CallCenterRefusal.NotFound, "the call ended");
        }
        if (result.Outcome != OutboundLegOutcome.Answered || result.Media is not { } media || _agentLeg is null)
        {
            EndConference();
            return CallCenterResult.Refuse(CallCenterRefusal.Unavailable, $"the department was not reached: {result.StatusCode} {result.Reason}");
        }
        _conference!.ThirdParty.SetSignalledRemote(media.RemoteRtp);
        _conference.Start(_caller.PayloadType, agentPayloadType, media.PayloadType);
        return CallCenterResult.Done;
    }

    /// <summary>The agent leaves the caller with the department (both keep talking); the agent goes to wrap-up.</summary>
    public CallCenterResult LeaveThreeParty()
    {
        if (_conference is not { } bridge || !bridge.IsMixing(ConferenceParty.ThirdParty) || _agentLeg is not { } leg)
        {
            return CallCenterResult.Refuse(CallCenterRefusal.WrongState, "no three-party call to leave");
        }
        bridge.Remove(ConferenceParty.Agent);
        _agentLeftConference = true;
        ReleaseAgent(leg, "left the three-party call");
        return CallCenterResult.Done;
    }

    /// <summary>The department hung up: back to a two-party call, or, if the agent had left, the call is over.</summary>
    private void OnDepartmentLeft(OutboundLeg leg)
    {
        if (!ReferenceEquals(leg, _department) || _ended)
        {
            return;
        }
        _department = null;
        EndConference();
        if (_agentLeftConference)
        {
            Record(new Acd.CallRecords.CallHungUp(Now, Acd.CallRecords.HangUpSide.System));
            _ = _caller.HangUpAsync("department hung up");
            Finish();
        }
    }

    private void EndConference()
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
}
