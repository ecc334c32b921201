using System.Net;
using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Media.Mixing;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Calls;

/// <summary>
/// A supervisor on a call (监听, 耳语, 强插): the supervisor's registered phone is rung; once it answers a
/// <see cref="ConferenceBridge"/> seats it beside caller and agent, and the mode only changes who hears the
/// supervisor, so switching needs no new INVITE. Monitoring ends when the supervisor stops or hangs up, or
/// when the conversation it watches ends or pauses (hang-up, transfer, agent leaving, hold, consultation:
/// the relay feeds one mixer at a time, and hold music goes straight to the caller); the recording stays the call's
/// one file. Every step is kept on the call record with the supervisor's id. Runs on the call center's loop.
/// </summary>
internal sealed class SupervisorMonitor(HotlineCall call)
{
    private static readonly TimeSpan RingTimeout = TimeSpan.FromSeconds(30);

    private ConferenceBridge? _bridge;
    private OutboundLeg? _leg;
    private string? _supervisorId;
    // The agent id the supervisor's phone is registered under, held ON_CALL by the ACD while monitoring.
    private string? _occupied;
    private bool _mixing;

    /// <summary>The ACD's id for the monitoring supervisor's phone: the call's id is the caller's.</summary>
    public string ActivityId => call.Id + "/monitor";

    /// <summary>A supervisor's phone is ringing or monitoring this call.</summary>
    public bool IsActive => _leg is not null;

    /// <summary>Rings the supervisor's phone; completes when it answered and hears the call, or with the refusal.</summary>
    public Task<CallCenterResult> Start(string supervisorId, string extension)
    {
        var center = call.Center;
        if (call.Agent.Leg is null || call.Agent.Media is not { } agentMedia)
        {
            return Refused(CallCenterRefusal.WrongState, $"call {call.Id} is not connected to an agent");
        }
        if (_leg is not null)
        {
            return Refused(CallCenterRefusal.WrongState, $"call {call.Id} is already monitored by supervisor {_supervisorId}");
        }
        if (call.ThreeParty.IsActive)
        {
            return Refused(CallCenterRefusal.WrongState, $"call {call.Id} is a three-party call");
        }
        if (call.Consultation.IsActive)
        {
            return Refused(CallCenterRefusal.WrongState, $"the agent on call {call.Id} is consulting");
        }
        if (extension == call.Agent.AgentId)
        {
            return Refused(CallCenterRefusal.WrongState, $"phone {extension} is the agent's on call {call.Id}");
        }
        var links = center.Links;
        if (links.Locator.GetContacts(extension).LastOrDefault() is not { } contact || !SipUri.TryParse(contact.ContactUri, out var target))
        {
            return Refused(CallCenterRefusal.WrongState, $"supervisor phone {extension} is not registered");
        }
        // A supervisor who is also an agent is busy while monitoring: no queue may ring that phone meanwhile.
        // An agent logged out (OFFLINE) is offered nothing anyway, and may still monitor from its phone.
        var occupies = center.Acd.FindAgent(extension) is { State: not AgentState.Offline };
        if (occupies && center.Run(acd => acd.Occupy(ActivityId, extension, $"monitoring call {call.Id}")) is { IsRefused: true } busy)
        {
            return Refused(CallCenterRefusal.WrongState, $"supervisor phone {extension} is busy: {busy.Refusal}");
        }
        if (ConferenceBridge.TryCreate(call.Relay, links.Ports, center.Time, call.Agent.Recorder, ConferenceParty.Supervisor) is not { } bridge)
        {
            if (occupies)
            {
                center.Run(acd => acd.Vacate(ActivityId, extension));
            }
            return Refused(CallCenterRefusal.Unavailable, "RTP ports exhausted");
        }
        var leg = links.Outbound.Start(new OutboundLegRequest(
            target,
            contact.ReachVia,
            call.CallerNumber,
            "monitor",
            $"sip:{extension}@{links.Domain}",
            new IPEndPoint(links.Ports.BindAddress, bridge.Guest.LocalPort),
            RingTimeout,
            links.OffersSrtp(contact)));
        _bridge = bridge;
        _leg = leg;
        _supervisorId = supervisorId;
        _occupied = occupies ? extension : null;
        _mixing = false;
        call.Record(new SupervisorActed(call.Now, supervisorId, SupervisorActionKind.MonitorRequested, extension));
        SupervisionLog.MonitorRequested(center.Logger, call.Id, supervisorId, extension);
        var joined = new TaskCompletionSource<CallCenterResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        leg.RemoteEnded += (ended, _) => center.Post(() => OnSupervisorHungUp(ended));
        leg.Completion.ContinueWith(
            completed => center.Post(() => joined.SetResult(OnAnswered(leg, completed.Result, agentMedia.PayloadType))),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
        return joined.Task;
    }

    /// <summary>Listen, whisper or barge-in from the next 20 ms frame.</summary>
    public CallCenterResult SetMode(string supervisorId, MonitorMode mode)
    {
        if (_bridge is not { } bridge || !_mixing)
        {
            return CallCenterResult.Refuse(CallCenterRefusal.WrongState, $"call {call.Id} is not being monitored");
        }
        bridge.SetAudience(ConferenceParty.Supervisor, AudienceOf(mode));
        call.Record(new SupervisorActed(call.Now, supervisorId, SupervisorActionKind.MonitorModeChanged, ModeName(mode)));
        SupervisionLog.ModeChanged(call.Center.Logger, call.Id, supervisorId, mode);
        return CallCenterResult.Done;
    }

    /// <summary>The supervisor leaves (StopMonitor): its phone is hung up, caller and agent talk on directly.</summary>
    public CallCenterResult Stop(string supervisorId)
    {
        if (_leg is null)
        {
            return CallCenterResult.Refuse(CallCenterRefusal.WrongState, $"call {call.Id} is not being monitored");
        }
        End("stopped by supervisor " + supervisorId);
        return CallCenterResult.Done;
    }

    /// <summary>
    /// Monitoring is over (stopped, the call ended or was transferred, the agent left): the mix stops, the relay
    /// relays caller and agent again, and the supervisor's phone is hung up. Nothing when not monitoring.
    /// </summary>
    public void End(string reason)
    {
        if (_leg is not { } leg)
        {
            return;
        }
        _leg = null;
        _mixing = false;
        if (Interlocked.Exchange(ref _bridge, null) is { } bridge)
        {
            _ = bridge.DisposeAsync().AsTask();
        }
        _ = leg.HangUpAsync(reason);
        if (Interlocked.Exchange(ref _occupied, null) is { } occupied)
        {
            call.Center.Run(acd => acd.Vacate(ActivityId, occupied));
        }
        call.Record(new SupervisorActed(call.Now, _supervisorId!, SupervisorActionKind.MonitorEnded, reason));
        SupervisionLog.MonitorEnded(call.Center.Logger, call.Id, _supervisorId!, reason);
    }

    private CallCenterResult OnAnswered(OutboundLeg leg, OutboundLegResult result, byte agentPayloadType)
    {
        if (!ReferenceEquals(leg, _leg))
        {
            // Ended while ringing (stopped, transferred, hung up): a late answer is released at once.
            if (result.Outcome == OutboundLegOutcome.Answered)
            {
                _ = leg.HangUpAsync("monitoring already over");
            }
            return CallCenterResult.Refuse(CallCenterRefusal.WrongState, $"monitoring of call {call.Id} ended before the supervisor answered");
        }
        if (result.Outcome != OutboundLegOutcome.Answered || result.Media is not { } media || call.Agent.Leg is null)
        {
            End($"supervisor phone not reached: {result.StatusCode} {result.Reason}");
            return CallCenterResult.Refuse(CallCenterRefusal.Unavailable, $"the supervisor's phone did not answer: {result.StatusCode} {result.Reason}");
        }
        var bridge = _bridge!;
        bridge.Guest.Secure(media.Srtp);
        bridge.Guest.SetSignalledRemote(media.RemoteRtp);
        try
        {
            bridge.Start(call.Caller.PayloadType, agentPayloadType, media.PayloadType, AudienceOf(MonitorMode.Listen));
        }
        catch (ArgumentOutOfRangeException)
        {
            End("the supervisor's phone offers no G.711 audio");
            return CallCenterResult.Refuse(CallCenterRefusal.Unavailable, "the supervisor's phone answered without PCMU or PCMA");
        }
        _mixing = true;
        call.Record(new SupervisorActed(call.Now, _supervisorId!, SupervisorActionKind.MonitorStarted, ModeName(MonitorMode.Listen)));
        return CallCenterResult.Done;
    }

    private void OnSupervisorHungUp(OutboundLeg leg)
    {
        if (ReferenceEquals(leg, _leg))
        {
            End("supervisor hung up");
        }
    }

    private static Task<CallCenterResult> Refused(CallCenterRefusal refusal, string detail) =>
        Task.FromResult(CallCenterResult.Refuse(refusal, detail));

    /// <summary>Who hears the supervisor in each mode; the supervisor always hears caller and agent.</summary>
    internal static ConferenceAudience AudienceOf(MonitorMode mode) => mode switch
    {
        MonitorMode.Whisper => ConferenceAudience.Agent,
        MonitorMode.Barge => ConferenceAudience.Caller | ConferenceAudience.Agent,
        _ => ConferenceAudience.None,
    };

    private static string ModeName(MonitorMode mode) => mode.ToString().ToLowerInvariant();
}
