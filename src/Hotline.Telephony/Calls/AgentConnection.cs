using System.Net;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Calls;

/// <summary>
/// A call's agent side: the phone the ACD rings, the agent's leg once answered and bridged through the
/// relay, hold, the recording, and the agent leaving. Runs on the call center's loop.
/// </summary>
internal sealed class AgentConnection(HotlineCall call)
{
    private readonly CallCenter _center = call.Center;
    private OutboundLeg? _ringing;
    private string? _ringingAgent;
    private OutboundLeg? _answeredLeg;
    private NegotiatedMedia? _answeredMedia;
    private CallRecorder? _recorder;
    private bool _onHold;

    /// <summary>The connected agent's leg; null while nobody talks with the caller.</summary>
    public OutboundLeg? Leg { get; private set; }

    /// <summary>The agent last connected (still set while it is being released).</summary>
    public string? AgentId { get; private set; }

    /// <summary>What the connected agent's phone agreed to receive.</summary>
    public NegotiatedMedia? Media { get; private set; }

    public string? ConnectedAgent => Leg is null ? null : AgentId;

    /// <summary>The recording, once the first agent answered (it goes on through transfers).</summary>
    public CallRecorder? Recorder => _recorder;

    /// <summary>An offer is ringing a phone.</summary>
    public bool IsRinging => _ringing is not null;

    /// <summary>The ACD chose an agent: ring the phone it registered, offering the relay's agent-side port.</summary>
    public void Ring(string agentId)
    {
        var links = _center.Links;
        var contact = links.Locator.GetContacts(agentId).LastOrDefault();
        if (contact is null || !SipUri.TryParse(contact.ContactUri, out var target))
        {
            _center.Post(() => _center.Run(acd => acd.OfferFailed(call.Id, agentId, OfferEndReason.Unreachable)));
            return;
        }
        var leg = links.Outbound.Start(new OutboundLegRequest(
            target,
            contact.ReachVia,
            call.CallerNumber,
            null,
            $"sip:{agentId}@{links.Domain}",
            new IPEndPoint(links.Ports.BindAddress, call.Relay.Agent.LocalPort),
            TimeSpan.Zero, // the ACD owns the ring timeout: it ends the offer and we cancel
            links.OffersSrtp(contact)));
        _ringing = leg;
        _ringingAgent = agentId;
        call.Record(new AgentOffered(call.Now, agentId));
        Follow(leg);
        leg.Completion.ContinueWith(
            completed => _center.Post(() => OnLegCompleted(leg, agentId, completed.Result)),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
    }

    /// <summary>
    /// The agent's own call (AgentDesk.PlaceCall): its phone answered already and the ACD has it ON_CALL;
    /// bridged and recorded as an answered offer, so the record names the agent.
    /// </summary>
    public void Connect(string agentId, OutboundLeg leg, NegotiatedMedia media)
    {
        call.Record(new AgentOffered(call.Now, agentId));
        Follow(leg);
        _answeredLeg = leg;
        _answeredMedia = media;
        call.Record(new AgentOfferEnded(call.Now, agentId, OfferEndReason.Answered));
        OnAnswered(agentId);
    }

    private void Follow(OutboundLeg leg)
    {
        leg.RemoteEnded += (ended, reason) => _center.Post(() => OnHungUp(ended, reason));
        leg.HoldChanged += (held, hold) => _center.Post(() => OnPhoneHold(held, hold));
        leg.TransferRequested = call.Transfers.OnReferred;
    }

    /// <summary>The ACD ended an offer (answered, timed out, caller gone, agent logged out): stop any ringing.</summary>
    public void OnOfferEnded(string agentId, OfferEndReason reason)
    {
        call.Record(new AgentOfferEnded(call.Now, agentId, reason));
        if (reason != OfferEndReason.Answered && _ringingAgent == agentId && _ringing is { } leg)
        {
            _ringing = null;
            _ringingAgent = null;
            _ = leg.CancelAsync();
        }
    }

    /// <summary>The ACD confirmed the answer: bridge caller and agent through the relay and start recording.</summary>
    public void OnAnswered(string agentId)
    {
        if (_answeredLeg is not { } leg || _answeredMedia is not { } media)
        {
            return;
        }
        Leg = leg;
        AgentId = agentId;
        Media = media;
        _answeredLeg = null;
        call.Flow.Silence();
        var relay = call.Relay;
        relay.Agent.Secure(media.Srtp);
        relay.Agent.SetSignalledRemote(media.RemoteRtp);
        relay.Caller.ForwardingEnabled = true;
        relay.Agent.ForwardingEnabled = true;
        if (call.Transfers.TakeReleaseOnAnswer() is { } transferring)
        {
            _ = transferring.HangUpAsync("transfer answered");
        }
        if (_recorder is null)
        {
            StartRecording();
        }
        var arrived = call.Events.OfType<CallArrived>().First().At;
        _center.Metrics.CallAnswered(call.Now - arrived);
        _center.Metrics.AgentAnswered(call.Now - call.Events.OfType<AgentOffered>().Last().At);
        _center.Publish(agentId, call.Notice(AgentCallPhase.Answered));
    }

    /// <summary>AgentDesk.Hold: the caller hears music and neither side hears the other until resumed.</summary>
    public CallCenterResult SetHold(bool hold)
    {
        if (Leg is null)
        {
            return CallCenterResult.Refuse(CallCenterRefusal.NotFound, "no connected call");
        }
        if (hold == _onHold)
        {
            return CallCenterResult.Done;
        }
        _onHold = hold;
        if (hold)
        {
            // Hold music goes to the caller straight from the relay's leg, where a supervisor's mix would clash.
            call.Monitor.End("call on hold");
        }
        SetBridged(!hold);
        if (hold)
        {
            call.Flow.PlayHoldMusic();
        }
        else
        {
            call.Flow.Silence();
        }
        return CallCenterResult.Done;
    }

    /// <summary>Hold from the agent's phone (re-INVITE sendonly/inactive) works as AgentDesk.Hold: the caller hears music.</summary>
    private void OnPhoneHold(OutboundLeg leg, bool hold)
    {
        if (!call.Ended && ReferenceEquals(leg, Leg))
        {
            CallsLog.PhoneHold(_center.Logger, call.Id, AgentId!, hold);
            SetHold(hold);
        }
    }

    /// <summary>
    /// Takes the agent's leg off the call without ending it (a transfer is starting): the caller and agent no
    /// longer hear each other. Null when no agent is connected.
    /// </summary>
    public OutboundLeg? Detach()
    {
        var leg = Leg;
        Leg = null;
        _onHold = false;
        SetBridged(false);
        return leg;
    }

    /// <summary>Undoes <see cref="Detach"/>: the transfer was refused.</summary>
    public void Reattach(OutboundLeg leg)
    {
        Leg = leg;
        SetBridged(true);
    }

    /// <summary>The agent is off this call while it goes on (three-party): BYE if needed, wrap-up, desk told.</summary>
    public void Release(OutboundLeg leg, string reason, bool sendBye = true)
    {
        var agentId = AgentId!;
        Leg = null;
        if (sendBye)
        {
            _ = leg.HangUpAsync(reason);
        }
        _center.Run(acd => acd.CallEnded(call.Id));
        _center.Publish(agentId, call.Notice(AgentCallPhase.Ended, reason));
    }

    /// <summary>The call is over: a phone still ringing is cancelled.</summary>
    public void Stop() => _ = _ringing?.CancelAsync();

    public void StopRecording()
    {
        if (_recorder is { } recorder)
        {
            call.Relay.RemoveTap(recorder);
            recorder.Dispose();
            _recorder = null;
        }
    }

    private void SetBridged(bool bridged)
    {
        call.Relay.Caller.ForwardingEnabled = bridged;
        call.Relay.Agent.ForwardingEnabled = bridged;
    }

    private void OnLegCompleted(OutboundLeg leg, string agentId, OutboundLegResult result)
    {
        if (!ReferenceEquals(leg, _ringing))
        {
            // The offer ended while the phone was still answering (timeout, caller gone): release the phone.
            if (result.Outcome == OutboundLegOutcome.Answered)
            {
                _ = leg.HangUpAsync("call no longer waiting");
            }
            return;
        }
        _ringing = null;
        _ringingAgent = null;
        if (result.Outcome == OutboundLegOutcome.Answered && !call.Ended)
        {
            _answeredLeg = leg;
            _answeredMedia = result.Media;
            if (_center.Run(acd => acd.Answered(call.Id, agentId)).IsRefused)
            {
                _answeredLeg = null;
                _ = leg.HangUpAsync("offer already ended");
            }
            return;
        }
        var reason = result.Outcome switch
        {
            OutboundLegOutcome.Rejected => OfferEndReason.Rejected,
            OutboundLegOutcome.Timeout => OfferEndReason.RingTimeout,
            OutboundLegOutcome.Cancelled => (OfferEndReason?)null,
            _ => OfferEndReason.Unreachable,
        };
        if (reason is { } failed)
        {
            _center.Run(acd => acd.OfferFailed(call.Id, agentId, failed));
        }
    }

    private void StartRecording()
    {
        var path = RecordingPaths.For(_center.Links.DataDirectory, call.Id, call.Now);
        try
        {
            _recorder = new CallRecorder(path, _center.Time);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The conversation matters more than its recording: talk on, and say so loudly.
            CallsLog.RecordingFailed(_center.Logger, call.Id, path, exception);
            return;
        }
        call.Relay.AddTap(_recorder);
        call.Record(new RecordingStarted(call.Now, path));
    }

    /// <summary>The agent hung up first: the caller stays for the satisfaction survey.</summary>
    private void OnHungUp(OutboundLeg leg, string reason)
    {
        if (call.Ended || !ReferenceEquals(leg, Leg))
        {
            return;
        }
        if (call.ThreeParty.AgentHungUp(leg, reason) || call.Consultation.AgentHungUp(leg))
        {
            return;
        }
        call.Record(new CallHungUp(call.Now, HangUpSide.Agent));
        call.Monitor.End("agent hung up");
        var agentId = AgentId!;
        Leg = null;
        _onHold = false;
        SetBridged(false);
        StopRecording();
        _center.Run(acd => acd.CallEnded(call.Id));
        _center.Publish(agentId, call.Notice(AgentCallPhase.Ended, reason));
        call.Flow.StartSurvey();
    }
}
