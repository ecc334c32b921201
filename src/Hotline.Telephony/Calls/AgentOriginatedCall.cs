using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using Hotline.Telephony.B2bua;
using Hotline.Telephony.Media.Recording;

namespace Hotline.Telephony.Calls;

/// <summary>
/// A call an agent's phone placed itself (an INVITE to another agent's extension or to an outside number):
/// the edge answered the phone, dials the callee on the relay's other leg, bridges and records once it
/// answered, and ends both sides together. Its record has the agent as caller and as <c>answered_by</c>.
/// Runs on the call center's loop.
/// </summary>
internal sealed class AgentOriginatedCall(CallCenter center, InboundCall phone, string id, string agentId, string target, string? calleeAgent)
{
    /// <summary>The IVR path's mark of a call an agent's phone placed.</summary>
    public const string Step = "agent-originated";

    private readonly List<CallRecordEvent> _events = [];
    private OutboundLeg? _callee;
    private CallRecorder? _recorder;
    private bool _ended;

    public string CalleeCallId => id + "/callee";

    public void Start(Func<int, OutboundLeg?> dial)
    {
        var now = center.Time.GetUtcNow();
        phone.Relay.Caller.ForwardingEnabled = false;
        phone.Relay.Agent.ForwardingEnabled = false;
        _events.Add(new CallArrived(now, agentId, target));
        _events.Add(new IvrStepTaken(now, Step));
        _events.Add(new AgentOffered(now, agentId));
        phone.RemoteEnded += (_, _) => center.Post(() => End(HangUpSide.Agent, null));
        if (phone.State == CallState.Ended || dial(phone.Relay.Agent.LocalPort) is not { } leg)
        {
            End(HangUpSide.System, "the callee could not be dialled");
            return;
        }
        _callee = leg;
        leg.RemoteEnded += (_, _) => center.Post(() => End(HangUpSide.Caller, null));
        leg.Completion.ContinueWith(
            completed => center.Post(() => OnAnswered(completed.Result)),
            CancellationToken.None,
            TaskContinuationOptions.OnlyOnRanToCompletion,
            TaskScheduler.Default);
    }

    private void OnAnswered(OutboundLegResult result)
    {
        if (_ended)
        {
            if (result.Outcome == OutboundLegOutcome.Answered)
            {
                _ = _callee!.HangUpAsync("the agent hung up");
            }
            return;
        }
        if (result.Outcome != OutboundLegOutcome.Answered || result.Media is not { } media)
        {
            _callee = null;
            End(HangUpSide.System, $"{target} was not reached: {result.StatusCode} {result.Reason}");
            return;
        }
        var now = center.Time.GetUtcNow();
        _events.Add(new AgentOfferEnded(now, agentId, OfferEndReason.Answered));
        phone.Relay.Agent.Secure(media.Srtp);
        phone.Relay.Agent.SetSignalledRemote(media.RemoteRtp);
        phone.Relay.Caller.ForwardingEnabled = true;
        phone.Relay.Agent.ForwardingEnabled = true;
        var path = RecordingPaths.For(center.Links.DataDirectory, id, now);
        try
        {
            _recorder = new CallRecorder(path, center.Time);
            phone.Relay.AddTap(_recorder);
            _events.Add(new RecordingStarted(now, path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            CallsLog.RecordingFailed(center.Logger, id, path, exception);
        }
    }

    /// <summary>Either side hung up or the callee was not reached: both sides end, the agents wrap up, the record is kept.</summary>
    private void End(HangUpSide side, string? reason)
    {
        if (_ended)
        {
            return;
        }
        _ended = true;
        _events.Add(new CallHungUp(center.Time.GetUtcNow(), side));
        _ = phone.HangUpAsync(reason ?? "call ended");
        if (_callee is { } callee)
        {
            _ = callee.State is OutboundLegState.Calling or OutboundLegState.Ringing ? callee.CancelAsync() : callee.HangUpAsync(reason ?? "call ended");
        }
        if (_recorder is { } recorder)
        {
            phone.Relay.RemoveTap(recorder);
            recorder.Dispose();
        }
        center.Run(acd => acd.CallEnded(id));
        if (calleeAgent is not null)
        {
            center.Run(acd => acd.CallEnded(CalleeCallId));
        }
        center.SaveRecord(CallDetailRecordBuilder.Fold(id, _events));
    }
}
