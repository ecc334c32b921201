using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd.Events;

namespace Hotline.Telephony.Acd;

/// <summary>
/// The ACD's rules for calls: joining a queue, answer, failed offers, the end of a call, callbacks and
/// transfers. Each command leaves its events in the book; the engine hands them out.
/// </summary>
internal sealed class AcdCallRules(AcdBook book, OfferDispatcher dispatcher, WaitEstimator estimator)
{
    /// <summary>Transferred calls go ahead of every ordinary caller: they already waited once.</summary>
    public const int TransferPriority = 1_000;

    /// <param name="heldAgent">An agent-first callback's held agent, just released: rung with this call before anyone else.</param>
    public AcdOutcome? Enqueue(string callId, string callerNumber, string queueId, int priority, string? heldAgent = null)
    {
        if (!book.Queues.TryGetValue(queueId, out AcdQueueOptions? queue))
        {
            return AcdOutcome.Refuse($"unknown queue {queueId}");
        }

        if (book.Line.Contains(callId) || book.Active.ContainsKey(callId))
        {
            return AcdOutcome.Refuse($"call {callId} is already queued or connected");
        }

        QueuedCall call = book.Line.Add(callId, callerNumber, queue, priority, book.Now, heldAgent);
        QueueStatus status = estimator.StatusOf(call);
        book.Add(new CallQueued(book.Now, callId, queueId, status.Position, status.EstimatedWait));
        if (heldAgent is not null && book.Agents[heldAgent].State == AgentState.Ready)
        {
            dispatcher.Offer(call, book.Agents[heldAgent]);
        }
        else if (status.OfferCallback)
        {
            call.CallbackOffered = true;
            book.Add(new CallbackOffered(book.Now, callId, status.EstimatedWait));
        }

        dispatcher.Dispatch();
        return null;
    }

    public AcdOutcome? Answered(string callId, string agentId)
    {
        if (!book.Line.TryGet(callId, out QueuedCall call) || call.RingingAgent != agentId)
        {
            return AcdOutcome.Refuse($"call {callId} is not ringing agent {agentId}");
        }

        AcdAgent agent = book.Agents[agentId];
        DateTimeOffset now = book.Now;
        book.Line.Remove(call);
        book.Add(new OfferEnded(now, callId, agentId, OfferEndReason.Answered));
        agent.ConsecutiveNoAnswers = 0;
        agent.CallsAnswered++;
        book.Move(agent, AgentState.OnCall, call.Callback is null ? "answered" : "callback connected", callId);
        book.Active.Add(callId, new ActiveCall(agentId, call.Queue, now, call.CallerNumber, call.Priority));
        book.Add(new CallAnswered(now, callId, agentId, now - call.EnqueuedAt));
        return null;
    }

    public AcdOutcome? OfferFailed(string callId, string agentId, OfferEndReason reason)
    {
        if (!book.Line.TryGet(callId, out QueuedCall call) || call.RingingAgent != agentId)
        {
            return AcdOutcome.Refuse($"call {callId} is not ringing agent {agentId}");
        }

        AcdAgent agent = book.Agents[agentId];
        if (reason == OfferEndReason.Unreachable)
        {
            dispatcher.EndOffer(agent, reason, AgentState.NotReady, "phone unreachable");
        }
        else
        {
            dispatcher.NoAnswer(agent, reason);
        }

        dispatcher.Dispatch();
        return null;
    }

    public void CallEnded(string callId)
    {
        if (book.Active.Remove(callId, out ActiveCall? active))
        {
            EndConnected(callId, active);
        }
        else if (book.Line.TryGet(callId, out QueuedCall call) && call.Callback is null)
        {
            if (call.RingingAgent is { } ringing)
            {
                dispatcher.EndOffer(book.Agents[ringing], OfferEndReason.CallerAbandoned, AgentState.Ready, "caller hung up");
            }

            book.Line.Remove(call);
            book.Add(new CallAbandoned(book.Now, callId, call.Queue.Id, book.Now - call.EnqueuedAt));
            book.RequestCallback(call, call.CallerNumber, CallbackKind.Abandoned);
            dispatcher.Dispatch();
        }
    }

    public AcdOutcome? AcceptCallback(string callId, string? number)
    {
        if (!book.Line.TryGet(callId, out QueuedCall call))
        {
            return AcdOutcome.Refuse($"call {callId} is not waiting");
        }

        if (call.Callback is not null)
        {
            return null;
        }

        call.Callback = book.RequestCallback(call, number ?? call.CallerNumber, CallbackKind.Queued);
        if (call.RingingAgent is { } ringing)
        {
            // The caller is leaving the line; the agent who was rung gets the callback when it comes round.
            dispatcher.EndOffer(book.Agents[ringing], OfferEndReason.CallerAbandoned, AgentState.Ready, "caller chose callback");
            dispatcher.Dispatch();
        }

        return null;
    }

    public AcdOutcome? Withdraw(string callId, string reason)
    {
        if (!book.Line.TryGet(callId, out QueuedCall call))
        {
            return AcdOutcome.Refuse($"call {callId} is not waiting");
        }

        if (call.RingingAgent is { } ringing)
        {
            dispatcher.EndOffer(book.Agents[ringing], OfferEndReason.CallerAbandoned, AgentState.Ready, reason);
        }

        book.Line.Remove(call);
        dispatcher.Dispatch();
        return null;
    }

    public AcdOutcome? Transfer(string callId, string fromAgentId, string target)
    {
        if (!book.Active.TryGetValue(callId, out ActiveCall? active) || active.AgentId != fromAgentId)
        {
            return AcdOutcome.Refuse($"call {callId} is not connected to agent {fromAgentId}");
        }

        AcdQueueOptions queue;
        string? targetAgent = null;
        if (book.Queues.TryGetValue(target, out AcdQueueOptions? targetQueue))
        {
            queue = targetQueue;
        }
        else if (book.Agents.TryGetValue(target, out AcdAgent? agent) && agent.Id != fromAgentId)
        {
            if (agent.State != AgentState.Ready)
            {
                return AcdOutcome.Refuse($"agent {target} is {agent.State}");
            }

            queue = active.Queue;
            targetAgent = target;
        }
        else
        {
            return AcdOutcome.Refuse($"{target} is neither a queue nor another agent");
        }

        book.Active.Remove(callId);
        EndConnected(callId, active);
        QueuedCall call = book.Line.Add(callId, active.CallerNumber, queue, Math.Max(active.Priority, TransferPriority), book.Now, targetAgent);
        QueueStatus status = estimator.StatusOf(call);
        book.Add(new CallQueued(book.Now, callId, queue.Id, status.Position, status.EstimatedWait));
        dispatcher.Dispatch();
        return null;
    }

    public AcdOutcome? Seize(string callId, string agentId, string queueId, string number)
    {
        if (book.Find(agentId, out AcdAgent agent) is { } refused)
        {
            return refused;
        }

        if (agent.State is AgentState.Ringing or AgentState.OnCall or AgentState.Offline)
        {
            return AcdOutcome.Refuse($"agent {agentId} is {agent.State}");
        }

        if (!book.Queues.TryGetValue(queueId, out AcdQueueOptions? queue))
        {
            return AcdOutcome.Refuse($"unknown queue {queueId}");
        }

        if (book.Line.Contains(callId) || book.Active.ContainsKey(callId))
        {
            return AcdOutcome.Refuse($"call {callId} is already queued or connected");
        }

        agent.WrapUpEndsAt = null;
        // Kept so the call's end finds its agent (EndConnected) and wraps it up.
        agent.CallId = callId;
        book.Move(agent, AgentState.OnCall, "placing a call", callId);
        book.Active.Add(callId, new ActiveCall(agentId, queue, book.Now, number, 0));
        return null;
    }

    private void EndConnected(string callId, ActiveCall active)
    {
        TimeSpan talk = book.Now - active.AnsweredAt;
        estimator.RecordHandleTime(active.Queue, talk + active.Queue.WrapUp);
        AcdAgent agent = book.Agents[active.AgentId];
        if (agent.State != AgentState.OnCall || agent.CallId != callId)
        {
            return;
        }

        if (active.Queue.WrapUp > TimeSpan.Zero)
        {
            agent.WrapUpEndsAt = book.Now + active.Queue.WrapUp;
            book.Move(agent, AgentState.WrapUp, "call ended", callId);
        }
        else
        {
            book.FinishWrapUp(agent, "call ended");
            dispatcher.Dispatch();
        }
    }
}
