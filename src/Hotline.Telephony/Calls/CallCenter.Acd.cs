using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.Events;
using Hotline.Telephony.Diagnostics;

namespace Hotline.Telephony.Calls;

internal sealed partial class CallCenter
{
    /// <summary>Runs an ACD command on the loop and carries out what it decided. Loop only.</summary>
    internal AcdOutcome Run(Func<AcdEngine, AcdOutcome> command)
    {
        var outcome = command(_acd);
        if (outcome.IsRefused)
        {
            CallsLog.AcdRefused(_logger, outcome.Refusal!);
        }
        foreach (var e in outcome.Events)
        {
            Apply(e);
        }
        ScheduleDue();
        RefreshLiveCounts();
        return outcome;
    }

    private void Apply(AcdEvent acdEvent)
    {
        switch (acdEvent)
        {
            case AgentStateChanged changed:
                _states.Write(changed.AgentId, changed.Change);
                break;
            case CallQueued queued:
                Find(queued.CallId)?.OnQueued(queued.Position, queued.EstimatedWait);
                break;
            case CallbackOffered offered:
                Find(offered.CallId)?.OnCallbackOffered();
                break;
            case CallOffered offered:
                OnOffered(offered);
                break;
            case OfferEnded ended:
                Find(ended.CallId)?.OnOfferEnded(ended.AgentId, ended.Reason);
                if (ended.Reason != OfferEndReason.Answered)
                {
                    _notices.Publish(ended.AgentId, new AgentCallNotice(AgentCallPhase.Ended, ended.CallId, string.Empty, string.Empty, ended.At, ended.Reason.ToString()));
                }
                break;
            case CallAnswered answered:
                Find(answered.CallId)?.OnAgentAnswered(answered.AgentId);
                break;
            case CallAbandoned:
                Metrics.CallAbandoned();
                break;
            case CallOverflowed overflowed:
                Find(overflowed.CallId)?.OnOverflow(overflowed.Target);
                break;
            case CallbackRequested requested:
                _ = SaveCallbackAsync(requested.Request);
                break;
        }
    }

    private void OnOffered(CallOffered offered)
    {
        if (Find(offered.CallId) is { } call)
        {
            _notices.Publish(offered.AgentId, new AgentCallNotice(AgentCallPhase.Ringing, offered.CallId, offered.CallerNumber, call.QueueId ?? string.Empty, offered.At));
            call.RingAgent(offered.AgentId);
            return;
        }
        // A queued callback whose citizen hung up, keeping the place: it stays a durable callback request for the
        // scheduler, which places it with the outbound-call operation; the ACD lets it go.
        Post(() => Run(acd => acd.Withdraw(offered.CallId, "callback left to the scheduler")));
    }

    internal bool IsTransferTarget(string target) => _acd.IsTransferTarget(target);

    internal void Publish(string agentId, AgentCallNotice notice) => _notices.Publish(agentId, notice);

    private HotlineCall? Find(string callId) => _calls.GetValueOrDefault(callId);

    /// <summary>One timer for the engine's next deadline (ring timeout, wrap-up end, maximum wait).</summary>
    private void ScheduleDue()
    {
        if (_acd.NextDueAt is not { } due)
        {
            _dueTimer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return;
        }
        var wait = due - Time.GetUtcNow();
        if (wait < TimeSpan.Zero)
        {
            wait = TimeSpan.Zero;
        }
        _dueTimer ??= Time.CreateTimer(_ => Post(() => Run(acd => acd.ProcessDue())), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _dueTimer.Change(wait, Timeout.InfiniteTimeSpan);
    }

    private void RefreshLiveCounts()
    {
        int ready = 0, busy = 0, offline = 0;
        foreach (var agent in _acd.Agents)
        {
            switch (agent.State)
            {
                case AgentState.Ready:
                    ready++;
                    break;
                case AgentState.Ringing or AgentState.OnCall or AgentState.WrapUp:
                    busy++;
                    break;
                case AgentState.Offline:
                    offline++;
                    break;
            }
        }
        _live = new TelephonyLiveCounts(_calls.Count, _acd.Waiting.Count, ready, busy, _acd.Agents.Count - ready - busy - offline);
    }
}
