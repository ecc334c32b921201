using System.Net;
using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Ivr;
using Hotline.Telephony.Media.Recording;
using Hotline.Telephony.Sip.Syntax;

namespace Hotline.Telephony.Calls;

internal sealed partial class HotlineCall
{
    private OutboundLeg? _ringing;
    private string? _ringingAgent;
    private OutboundLeg? _agentLeg;
    private string? _agentId;
    private NegotiatedMedia? _answeredMedia;
    private NegotiatedMedia? _answeredMediaOfAgent;
    private OutboundLeg? _answeredLeg;
    private CallRecorder? _recorder;
    private bool _onHold;

    /// <summary>The agent talking with the caller, if any.</summary>
    public string? ConnectedAgent => _agentLeg is null ? null : _agentId;

    /// <summary>The ACD chose an agent: ring the phone it registered, offering the relay's agent-side port.</summary>
    public void RingAgent(string agentId)
    {
        var links = _center.Links;
        var contact = links.Locator.GetContacts(agentId).LastOrDefault();
        if (contact is null || !SipUri.TryParse(contact.ContactUri, out var target))
        {
            _center.Post(() => _center.Run(acd => acd.OfferFailed(Id, agentId, OfferEndReason.Unreachable)));
            return;
        }
        var leg = links.Outbound.Start(new OutboundLegRequest(
            target,
            contact.ReachVia,
            _caller.CallerNumber,
            null,
            $"sip:{agentId}@{links.Domain}",
            new IPEndPoint(links.Ports.BindAddress, Relay.Agent.LocalPort),
            TimeSpan.Zero)); // the ACD owns the ring timeout: it ends the offer and we cancel
        _ringing = leg;
        _ringingAgent = agentId;
        Record(new AgentOffered(Now, agentId));
        leg.RemoteEnded += (ended, reason) => _center.Post(() => OnAgentHungUp(ended, reason));
        leg.TransferRequested = OnReferred;
        leg.Completion.ContinueWith(
            completed => _center.Post(() => OnAgentLegCompleted(leg, agentId, completed.Result)),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
    }

    private void OnAgentLegCompleted(OutboundLeg leg, string agentId, OutboundLegResult result)
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
        if (result.Outcome == OutboundLegOutcome.Answered && !_ended)
        {
            _answeredLeg = leg;
            _answeredMedia = result.Media;
            if (_center.Run(acd => acd.Answered(Id, agentId)).IsRefused)
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
            _center.Run(acd => acd.OfferFailed(Id, agentId, failed));
        }
    }

    /// <summary>The ACD ended an offer (answered, timed out, caller gone, agent logged out): stop any ringing.</summary>
    public void OnOfferEnded(string agentId, OfferEndReason reason)
    {
        Record(new AgentOfferEnded(Now, agentId, reason));
        if (reason != OfferEndReason.Answered && _ringingAgent == agentId && _ringing is { } leg)
        {
            _ringing = null;
            _ringingAgent = null;
            _ = leg.CancelAsync();
        }
    }

    /// <summary>The ACD confirmed the answer: bridge caller and agent through the relay and start recording.</summary>
    public void OnAgentAnswered(string agentId)
    {
        if (_answeredLeg is not { } leg || _answeredMedia is not { } media)
        {
            return;
        }
        _agentLeg = leg;
        _agentId = agentId;
        _answeredMediaOfAgent = media;
        _answeredLeg = null;
        _playGeneration++;
        _player.Stop();
        CancelDigitTimer();
        Relay.Agent.SetSignalledRemote(media.RemoteRtp);
        Relay.Caller.ForwardingEnabled = true;
        Relay.Agent.ForwardingEnabled = true;
        if (Interlocked.Exchange(ref _releaseOnAnswer, null) is { } transferring)
        {
            _ = transferring.HangUpAsync("transfer answered");
        }
        if (_recorder is null)
        {
            StartRecording();
        }
        var arrived = _events.OfType<CallArrived>().First().At;
        _center.Metrics.CallAnswered(Now - arrived);
        _center.Metrics.AgentAnswered(Now - _events.OfType<AgentOffered>().Last().At);
        _center.Publish(agentId, Notice(AgentCallPhase.Answered));
    }

    private void StartRecording()
    {
        var path = RecordingPaths.For(_center.Links.DataDirectory, Id, Now);
        try
        {
            _recorder = new CallRecorder(path, _center.Time);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The conversation matters more than its recording: talk on, and say so loudly.
            CallsLog.RecordingFailed(_center.Logger, Id, path, exception);
            return;
        }
        Relay.AddTap(_recorder);
        Record(new RecordingStarted(Now, path));
    }

    /// <summary>The agent hung up first: the caller stays for the satisfaction survey.</summary>
    private void OnAgentHungUp(OutboundLeg leg, string reason)
    {
        if (_ended || !ReferenceEquals(leg, _agentLeg))
        {
            return;
        }
        if (_conference is { } bridge && bridge.IsMixing(Media.Mixing.ConferenceParty.ThirdParty))
        {
            // Hanging up in a three-party call leaves the caller with the department.
            bridge.Remove(Media.Mixing.ConferenceParty.Agent);
            _agentLeftConference = true;
            ReleaseAgent(leg, reason, sendBye: false);
            return;
        }
        Record(new CallHungUp(Now, HangUpSide.Agent));
        var agentId = _agentId!;
        _agentLeg = null;
        _onHold = false;
        Relay.Caller.ForwardingEnabled = false;
        Relay.Agent.ForwardingEnabled = false;
        StopRecording();
        _center.Run(acd => acd.CallEnded(Id));
        _center.Publish(agentId, Notice(AgentCallPhase.Ended, reason));
        _survey = new SurveyFlow(_center.Ivr.SurveyDigitTimeout);
        Execute(_survey.Start());
    }

    /// <summary>The agent is off this call while it goes on (three-party): BYE if needed, wrap-up, desk told.</summary>
    private void ReleaseAgent(OutboundLeg leg, string reason, bool sendBye = true)
    {
        var agentId = _agentId!;
        _agentLeg = null;
        if (sendBye)
        {
            _ = leg.HangUpAsync(reason);
        }
        _center.Run(acd => acd.CallEnded(Id));
        _center.Publish(agentId, Notice(AgentCallPhase.Ended, reason));
    }

    /// <summary>AgentDesk.Hold: the caller hears music and neither side hears the other until resumed.</summary>
    public CallCenterResult SetHold(bool hold)
    {
        if (_agentLeg is null)
        {
            return CallCenterResult.Refuse(CallCenterRefusal.NotFound, "no connected call");
        }
        if (hold == _onHold)
        {
            return CallCenterResult.Done;
        }
        _onHold = hold;
        Relay.Caller.ForwardingEnabled = !hold;
        Relay.Agent.ForwardingEnabled = !hold;
        _playGeneration++;
        if (hold)
        {
            _player.Play([_center.Links.Prompts.Get(PromptNames.HoldMusic, QueueId)], loop: true);
        }
        else
        {
            _player.Stop();
        }
        return CallCenterResult.Done;
    }
}
