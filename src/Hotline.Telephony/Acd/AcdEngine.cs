using Hotline.Contracts.Agents;

namespace Hotline.Telephony.Acd;

/// <summary>
/// Automatic call distribution: who gets which waiting call, and the agent states that follow.
/// Pure rules, no I/O: each command returns the events it caused (ring this agent, cancel that offer,
/// agent state changed, callback requested) or a refusal, and the edge acts on them. Time comes from the
/// <see cref="TimeProvider"/>; the host calls <see cref="ProcessDue"/> at <see cref="NextDueAt"/>.
/// The agent-state rules are here; the call rules, offers, agent selection and wait estimates are
/// collaborators sharing one <see cref="AcdBook"/>.
/// Not thread-safe: the owner (a grain) serialises commands.
/// </summary>
public sealed class AcdEngine
{
    /// <summary>Transferred calls go ahead of every ordinary caller: they already waited once.</summary>
    public const int TransferPriority = AcdCallRules.TransferPriority;

    private readonly AcdBook _book;
    private readonly WaitEstimator _estimator;
    private readonly OfferDispatcher _dispatcher;
    private readonly AcdCallRules _calls;
    private readonly AgentReservations _reservations;

    public AcdEngine(TimeProvider time, AcdOptions options, IEnumerable<AcdQueueOptions> queues)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(queues);
        _book = new AcdBook(time, options);
        foreach (AcdQueueOptions queue in queues)
        {
            _book.Queues.Add(queue.Id, queue);
        }

        _estimator = new WaitEstimator(_book);
        var selector = new AgentSelector(_book);
        _dispatcher = new OfferDispatcher(_book, selector);
        _calls = new AcdCallRules(_book, _dispatcher, _estimator);
        _reservations = new AgentReservations(_book, selector);
    }

    public IReadOnlyCollection<AcdAgent> Agents => _book.Agents.Values;

    public IReadOnlyCollection<AcdQueueOptions> Queues => _book.Queues.Values;

    /// <summary>Waiting calls in service order: priority first, then time waited, then arrival order.</summary>
    public IReadOnlyList<QueuedCall> Waiting => _book.Line.Calls;

    /// <inheritdoc cref="OfferDispatcher.NextDueAt"/>
    public DateTimeOffset? NextDueAt => _dispatcher.NextDueAt;

    public AcdAgent? FindAgent(string agentId) => _book.Agents.GetValueOrDefault(agentId);

    /// <summary>Adds an agent (OFFLINE) or replaces the skills of a known one.</summary>
    public void UpsertAgent(string agentId, IReadOnlyDictionary<string, int> skills)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentNullException.ThrowIfNull(skills);
        if (_book.Agents.TryGetValue(agentId, out AcdAgent? existing))
        {
            var replaced = new AcdAgent(agentId, skills, existing.StateSince);
            replaced.Restore(existing);
            _book.Agents[agentId] = replaced;
        }
        else
        {
            _book.Agents.Add(agentId, new AcdAgent(agentId, skills, _book.Now));
        }
    }

    /// <summary>The agent's phone registered: OFFLINE becomes READY (Acd:ReadyOnRegister) or NOT_READY.</summary>
    public AcdOutcome AgentRegistered(string agentId)
    {
        if (_book.Find(agentId, out AcdAgent? agent) is { } refused)
        {
            return refused;
        }

        if (agent.State != AgentState.Offline)
        {
            return _book.Done();
        }

        _book.Move(agent, _book.Options.ReadyOnRegister ? AgentState.Ready : AgentState.NotReady, "registered");
        _dispatcher.Dispatch();
        return _book.Done();
    }

    public AcdOutcome SetReady(string agentId)
    {
        if (_book.Find(agentId, out AcdAgent? agent) is { } refused)
        {
            return refused;
        }

        switch (agent.State)
        {
            case AgentState.Ready:
                return _book.Done();
            case AgentState.Ringing or AgentState.OnCall:
                return AcdOutcome.Refuse($"agent {agentId} is {agent.State} with call {agent.CallId}");
        }

        agent.ConsecutiveNoAnswers = 0;
        agent.WrapUpEndsAt = null;
        agent.CallId = null;
        _book.Move(agent, AgentState.Ready, "agent ready");
        _dispatcher.Dispatch();
        return _book.Done();
    }

    public AcdOutcome SetNotReady(string agentId, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (_book.Find(agentId, out AcdAgent? agent) is { } refused)
        {
            return refused;
        }

        if (agent.State == AgentState.OnCall)
        {
            return AcdOutcome.Refuse($"agent {agentId} is on call {agent.CallId}; set not ready after it ends");
        }

        if (agent.State == AgentState.Ringing)
        {
            // Going not-ready while the phone rings declines the call; it goes to the next agent.
            _dispatcher.EndOffer(agent, OfferEndReason.Rejected, AgentState.NotReady, reason);
        }
        else
        {
            agent.WrapUpEndsAt = null;
            agent.CallId = null;
            _book.Move(agent, AgentState.NotReady, reason);
        }

        _dispatcher.Dispatch();
        return _book.Done();
    }

    /// <summary>
    /// Registration lapsed, the agent logged out, or the phone stopped answering keep-alives: the agent
    /// leaves routing whatever it was doing, so lost signalling never leaves it stuck ON_CALL.
    /// </summary>
    public AcdOutcome SetOffline(string agentId, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (_book.Find(agentId, out AcdAgent? agent) is { } refused)
        {
            return refused;
        }

        if (agent.State == AgentState.Ringing)
        {
            _dispatcher.EndOffer(agent, OfferEndReason.AgentLoggedOut, AgentState.Offline, reason);
        }
        else if (agent.State != AgentState.Offline)
        {
            agent.WrapUpEndsAt = null;
            _book.Move(agent, AgentState.Offline, reason, agent.CallId);
            agent.CallId = null;
        }

        _dispatcher.Dispatch();
        return _book.Done();
    }

    /// <summary>AgentDesk.EndWrapUp: the agent finished after-call work early.</summary>
    public AcdOutcome EndWrapUp(string agentId)
    {
        if (_book.Find(agentId, out AcdAgent? agent) is { } refused)
        {
            return refused;
        }

        if (agent.State != AgentState.WrapUp)
        {
            return AcdOutcome.Refuse($"agent {agentId} is {agent.State}, not in wrap-up");
        }

        _book.FinishWrapUp(agent, "wrap-up ended by agent");
        _dispatcher.Dispatch();
        return _book.Done();
    }

    public AcdOutcome Enqueue(string callId, string callerNumber, string queueId, int priority = 0)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        return _calls.Enqueue(callId, callerNumber, queueId, priority) ?? _book.Done();
    }

    /// <summary>
    /// Agent-first callbacks: holds the queue's next free agent (ON_CALL, offered nothing else) under
    /// <paramref name="reservationId"/> before the citizen is dialled; refused when none is free.
    /// </summary>
    public AcdOutcome Reserve(string reservationId, string queueId)
    {
        ArgumentException.ThrowIfNullOrEmpty(reservationId);
        return _reservations.Reserve(reservationId, queueId) ?? _book.Done();
    }

    /// <summary>The citizen of an agent-first callback did not answer: the held agent is READY again.</summary>
    public AcdOutcome ReleaseReservation(string reservationId, string reason)
    {
        if (_reservations.Release(reservationId, reason) is not null)
        {
            _dispatcher.Dispatch();
        }

        return _book.Done();
    }

    /// <summary>
    /// The citizen of an agent-first callback answered: the call joins the queue and rings the held agent
    /// first (if that one no longer answers, anyone able, still at the head of the line).
    /// </summary>
    public AcdOutcome EnqueueReserved(string callId, string callerNumber, string queueId, int priority, string reservationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(callId);
        var held = _reservations.AgentOf(reservationId);
        _reservations.Release(reservationId, "callback answered");
        return _calls.Enqueue(callId, callerNumber, queueId, priority, held) ?? _book.Done();
    }

    /// <summary>Position, estimated wait and callback advice for a waiting call (null when not waiting).</summary>
    public QueueStatus? Status(string callId) =>
        _book.Line.TryGet(callId, out QueuedCall call) ? _estimator.StatusOf(call) : null;

    /// <summary>Average of the queue's recent handle times (talk + wrap-up), or its configured default.</summary>
    public TimeSpan AverageHandleTime(AcdQueueOptions queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        return _estimator.AverageHandleTime(queue);
    }

    /// <summary>The agent's phone answered the offered call.</summary>
    public AcdOutcome Answered(string callId, string agentId) => _calls.Answered(callId, agentId) ?? _book.Done();

    /// <summary>The agent's phone refused (busy, declined) or could not be reached.</summary>
    public AcdOutcome OfferFailed(string callId, string agentId, OfferEndReason reason)
    {
        if (reason is not (OfferEndReason.Rejected or OfferEndReason.Unreachable or OfferEndReason.RingTimeout))
        {
            throw new ArgumentOutOfRangeException(nameof(reason), reason, "Only rejected, unreachable or timed-out offers fail.");
        }

        return _calls.OfferFailed(callId, agentId, reason) ?? _book.Done();
    }

    /// <summary>
    /// The call ended. Connected: the agent goes to wrap-up. Still waiting or ringing: the caller
    /// abandoned, which is recorded for a missed-call callback. A queued callback's place is kept.
    /// </summary>
    public AcdOutcome CallEnded(string callId)
    {
        _calls.CallEnded(callId);
        return _book.Done();
    }

    /// <summary>The caller accepted the callback offer: the caller hangs up, the place in line is kept.</summary>
    public AcdOutcome AcceptCallback(string callId, string? number = null) => _calls.AcceptCallback(callId, number) ?? _book.Done();

    /// <summary>Takes a waiting call out without an outcome of its own (e.g. a callback that could not reach the citizen).</summary>
    public AcdOutcome Withdraw(string callId, string reason) => _calls.Withdraw(callId, reason) ?? _book.Done();

    /// <summary>
    /// The connected agent hands the call on, to another agent (offered to that agent only; if that offer
    /// ends unanswered the call goes to anyone able in its queue, still at the head of the line) or to
    /// another queue. The transferring agent goes to wrap-up as if the call had ended for it.
    /// </summary>
    public AcdOutcome Transfer(string callId, string fromAgentId, string target) => _calls.Transfer(callId, fromAgentId, target) ?? _book.Done();

    /// <summary>
    /// The agent places a call of its own (not offered by a queue): READY, NOT_READY or in WRAP_UP it goes
    /// ON_CALL at once and the call counts as connected to it under <paramref name="queueId"/>; when the call
    /// ends (or could not be placed) the agent wraps up as after any call.
    /// </summary>
    public AcdOutcome Seize(string callId, string agentId, string queueId, string number) => _calls.Seize(callId, agentId, queueId, number) ?? _book.Done();

    /// <summary>
    /// The agent's phone is busy with something that is not a call of its own (a supervisor monitoring another
    /// agent's call from it): ON_CALL under <paramref name="activityId"/>, so no queue offers it a call meanwhile.
    /// Refused while the agent rings, talks or is offline. <see cref="Vacate"/> gives back the state it had.
    /// </summary>
    public AcdOutcome Occupy(string activityId, string agentId, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (_book.Find(agentId, out AcdAgent? agent) is { } refused)
        {
            return refused;
        }

        if (agent.State is AgentState.Ringing or AgentState.OnCall or AgentState.Offline)
        {
            return AcdOutcome.Refuse($"agent {agentId} is {agent.State}");
        }

        // Wrap-up is cut short, as when the agent places a call; NOT_READY is kept to come back to.
        agent.Resume = agent.State == AgentState.NotReady ? agent.Reason : null;
        agent.WrapUpEndsAt = null;
        agent.CallId = activityId;
        _book.Move(agent, AgentState.OnCall, reason, activityId);
        return _book.Done();
    }

    /// <summary>
    /// The activity <see cref="Occupy"/> began is over: the agent is NOT_READY again with its old reason, or
    /// READY (no wrap-up: there was no call to write up). Nothing when the agent has moved on meanwhile (offline).
    /// </summary>
    public AcdOutcome Vacate(string activityId, string agentId)
    {
        if (_book.Find(agentId, out AcdAgent? agent) is { } refused)
        {
            return refused;
        }

        if (agent.State != AgentState.OnCall || agent.CallId != activityId)
        {
            return _book.Done();
        }

        string? resume = agent.Resume;
        agent.Resume = null;
        agent.CallId = null;
        if (resume is not null)
        {
            _book.Move(agent, AgentState.NotReady, resume, activityId);
        }
        else
        {
            _book.Move(agent, AgentState.Ready, "monitoring over", activityId);
            _dispatcher.Dispatch();
        }

        return _book.Done();
    }

    /// <summary>Whether a transfer target names a queue or a known agent (the desk answers INVALID_ARGUMENT otherwise).</summary>
    public bool IsTransferTarget(string target) => _book.Queues.ContainsKey(target) || _book.Agents.ContainsKey(target);

    /// <summary>Applies every deadline that has passed: ring timeouts, wrap-up ends, maximum waits.</summary>
    public AcdOutcome ProcessDue()
    {
        _dispatcher.ProcessDue();
        return _book.Done();
    }
}
