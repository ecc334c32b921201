using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd.Events;

namespace Hotline.Telephony.Acd;

public sealed partial class AcdEngine
{
    // Waiting calls in service order: priority first, then time waited, then arrival order.
    private readonly List<QueuedCall> _waiting = [];
    private readonly Dictionary<string, QueuedCall> _waitingById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActiveCall> _active = new(StringComparer.Ordinal);
    private long _arrivals;

    public IReadOnlyList<QueuedCall> Waiting => _waiting;

    public AcdOutcome Enqueue(string callId, string callerNumber, string queueId, int priority = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        if (!_queues.TryGetValue(queueId, out AcdQueueOptions? queue))
        {
            return AcdOutcome.Refuse($"unknown queue {queueId}");
        }

        if (_waitingById.ContainsKey(callId) || _active.ContainsKey(callId))
        {
            return AcdOutcome.Refuse($"call {callId} is already queued or connected");
        }

        var call = new QueuedCall(callId, callerNumber, queue, priority, Now, _arrivals++);
        int index = _waiting.FindIndex(other => ServiceOrder(call, other) < 0);
        _waiting.Insert(index < 0 ? _waiting.Count : index, call);
        _waitingById.Add(callId, call);

        QueueStatus status = StatusOf(call);
        _events.Add(new CallQueued(Now, callId, queueId, status.Position, status.EstimatedWait));
        if (status.OfferCallback)
        {
            call.CallbackOffered = true;
            _events.Add(new CallbackOffered(Now, callId, status.EstimatedWait));
        }

        Dispatch();
        return Done();
    }

    /// <summary>Position, estimated wait and callback advice for a waiting call (null when not waiting).</summary>
    public QueueStatus? Status(string callId) =>
        _waitingById.TryGetValue(callId, out QueuedCall? call) ? StatusOf(call) : null;

    /// <summary>The agent's phone answered the offered call.</summary>
    public AcdOutcome Answered(string callId, string agentId)
    {
        if (!_waitingById.TryGetValue(callId, out QueuedCall? call) || call.RingingAgent != agentId)
        {
            return AcdOutcome.Refuse($"call {callId} is not ringing agent {agentId}");
        }

        AcdAgent agent = _agents[agentId];
        Remove(call);
        _events.Add(new OfferEnded(Now, callId, agentId, OfferEndReason.Answered));
        agent.ConsecutiveNoAnswers = 0;
        agent.CallsAnswered++;
        Move(agent, AgentState.OnCall, call.Callback is null ? "answered" : "callback connected", callId);
        TimeSpan waited = Now - call.EnqueuedAt;
        _active.Add(callId, new ActiveCall(agentId, call.Queue, Now, call.CallerNumber, call.Priority));
        _events.Add(new CallAnswered(Now, callId, agentId, waited));
        return Done();
    }

    /// <summary>The agent's phone refused (busy, declined) or could not be reached.</summary>
    public AcdOutcome OfferFailed(string callId, string agentId, OfferEndReason reason)
    {
        if (reason is not (OfferEndReason.Rejected or OfferEndReason.Unreachable or OfferEndReason.RingTimeout))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Only rejected, unreachable or timed-out offers fail.");
        }

        if (!_waitingById.TryGetValue(callId, out QueuedCall? call) || call.RingingAgent != agentId)
        {
            return AcdOutcome.Refuse($"call {callId} is not ringing agent {agentId}");
        }

        AcdAgent agent = _agents[agentId];
        if (reason == OfferEndReason.Unreachable)
        {
            EndOffer(agent, reason, AgentState.NotReady, "phone unreachable");
        }
        else
        {
            NoAnswer(agent, reason);
        }

        Dispatch();
        return Done();
    }

    /// <summary>
    /// The call ended. Connected: the agent goes to wrap-up. Still waiting or ringing: the caller
    /// abandoned, which is recorded for a missed-call callback. A queued callback's place is kept.
    /// </summary>
    public AcdOutcome CallEnded(string callId)
    {
        if (_active.Remove(callId, out ActiveCall? active))
        {
            EndConnected(callId, active);
        }
        else if (_waitingById.TryGetValue(callId, out QueuedCall? call) && call.Callback is null)
        {
            if (call.RingingAgent is { } ringing)
            {
                EndOffer(_agents[ringing], OfferEndReason.CallerAbandoned, AgentState.Ready, "caller hung up");
            }

            Remove(call);
            TimeSpan waited = Now - call.EnqueuedAt;
            _events.Add(new CallAbandoned(Now, callId, call.Queue.Id, waited));
            RequestCallback(call, call.CallerNumber, CallbackKind.Abandoned);
            Dispatch();
        }

        return Done();
    }

    /// <summary>The caller accepted the callback offer: the caller hangs up, the place in line is kept.</summary>
    public AcdOutcome AcceptCallback(string callId, string? number = null)
    {
        if (!_waitingById.TryGetValue(callId, out QueuedCall? call))
        {
            return AcdOutcome.Refuse($"call {callId} is not waiting");
        }

        if (call.Callback is not null)
        {
            return Done();
        }

        call.Callback = RequestCallback(call, number ?? call.CallerNumber, CallbackKind.Queued);
        if (call.RingingAgent is { } ringing)
        {
            // The caller is leaving the line; the agent who was rung gets the callback when it comes round.
            EndOffer(_agents[ringing], OfferEndReason.CallerAbandoned, AgentState.Ready, "caller chose callback");
            Dispatch();
        }

        return Done();
    }

    /// <summary>Takes a waiting call out without an outcome of its own (e.g. a callback that could not reach the citizen).</summary>
    public AcdOutcome Withdraw(string callId, string reason)
    {
        if (!_waitingById.TryGetValue(callId, out QueuedCall? call))
        {
            return AcdOutcome.Refuse($"call {callId} is not waiting");
        }

        if (call.RingingAgent is { } ringing)
        {
            EndOffer(_agents[ringing], OfferEndReason.CallerAbandoned, AgentState.Ready, reason);
        }

        Remove(call);
        Dispatch();
        return Done();
    }

    private void EndConnected(string callId, ActiveCall active)
    {
        TimeSpan talk = Now - active.AnsweredAt;
        RecordHandleTime(active.Queue, talk + active.Queue.WrapUp);
        AcdAgent agent = _agents[active.AgentId];
        if (agent.State != AgentState.OnCall || agent.CallId != callId)
        {
            return;
        }

        if (active.Queue.WrapUp > TimeSpan.Zero)
        {
            agent.WrapUpEndsAt = Now + active.Queue.WrapUp;
            Move(agent, AgentState.WrapUp, "call ended", callId);
        }
        else
        {
            FinishWrapUp(agent, "call ended");
            Dispatch();
        }
    }

    private CallbackRequest RequestCallback(QueuedCall call, string number, CallbackKind kind)
    {
        var request = new CallbackRequest(call.CallId, number, call.Queue.Id, kind, Now, Now - call.EnqueuedAt);
        _events.Add(new CallbackRequested(Now, request));
        return request;
    }

    private void Remove(QueuedCall call)
    {
        _waiting.Remove(call);
        _waitingById.Remove(call.CallId);
    }

    private static int ServiceOrder(QueuedCall a, QueuedCall b)
    {
        int byPriority = b.Priority.CompareTo(a.Priority);
        if (byPriority != 0)
        {
            return byPriority;
        }

        int byTime = a.EnqueuedAt.CompareTo(b.EnqueuedAt);
        return byTime != 0 ? byTime : a.Arrival.CompareTo(b.Arrival);
    }

    private sealed record ActiveCall(string AgentId, AcdQueueOptions Queue, DateTimeOffset AnsweredAt, string CallerNumber, int Priority);
}
