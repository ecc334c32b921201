using Hotline.Contracts.Agents;
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
        // A queued callback whose turn has come (the citizen hung up keeping the place): the agent is released
        // and the citizen called back now; answered, the call queues at priority for the next free agent.
        var queueId = _acd.Waiting.FirstOrDefault(c => c.CallId == offered.CallId)?.Queue.Id;
        Post(() => Run(acd => acd.Withdraw(offered.CallId, "calling the citizen back")));
        if (queueId is not null)
        {
            _ = CallBackAsync(offered.CallId, offered.CallerNumber, queueId);
        }
    }

    /// <summary>Places a queued callback; one not reached stays pending in the store for the scheduler.</summary>
    private async Task CallBackAsync(string callId, string number, string queueId)
    {
        if (_callbackNumbers.Refusal(number) is { } reason)
        {
            // Saved flagged when it was requested; it stays pending for an agent, whose call it is.
            CallsLog.CallbackFlagged(_logger, callId, number, reason);
            return;
        }
        var placed = await PlaceCallAsync(number, queueId, CancellationToken.None).ConfigureAwait(false);
        CallsLog.CallbackPlaced(_logger, callId, number, placed.Detail ?? string.Empty);
        if (placed.IsDone)
        {
            try
            {
                await _callbacks.CompleteAsync(callId, "reached: call " + placed.Detail, CancellationToken.None).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The call is under way; a request left pending is only called again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                CallsLog.CallbackNotSaved(_logger, callId, exception);
            }
        }
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
        _changes.Signal();
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
        Volatile.Write(ref _live, new TelephonyLiveCounts(_calls.Count, _acd.Waiting.Count, ready, busy, _acd.Agents.Count - ready - busy - offline));
    }
}
