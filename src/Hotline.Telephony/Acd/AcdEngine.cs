using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd.Events;

namespace Hotline.Telephony.Acd;

/// <summary>
/// Automatic call distribution: who gets which waiting call, and the agent states that follow.
/// Pure rules, no I/O: each command returns the events it caused (ring this agent, cancel that offer,
/// agent state changed, callback requested) or a refusal, and the edge acts on them. Time comes from the
/// <see cref="TimeProvider"/>; the host calls <see cref="ProcessDue"/> at <see cref="NextDueAt"/>.
/// Not thread-safe: the owner (a grain) serialises commands.
/// </summary>
public sealed partial class AcdEngine
{
    private readonly TimeProvider _time;
    private readonly AcdOptions _options;
    private readonly Dictionary<string, AcdAgent> _agents = new(StringComparer.Ordinal);
    private readonly Dictionary<string, AcdQueueOptions> _queues = new(StringComparer.Ordinal);
    private readonly List<AcdEvent> _events = [];

    public AcdEngine(TimeProvider time, AcdOptions options, IEnumerable<AcdQueueOptions> queues)
    {
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(queues);
        _time = time;
        _options = options;
        foreach (AcdQueueOptions queue in queues)
        {
            _queues.Add(queue.Id, queue);
        }
    }

    public IReadOnlyCollection<AcdAgent> Agents => _agents.Values;

    public IReadOnlyCollection<AcdQueueOptions> Queues => _queues.Values;

    public AcdAgent? FindAgent(string agentId) => _agents.GetValueOrDefault(agentId);

    /// <summary>Adds an agent (OFFLINE) or replaces the skills of a known one.</summary>
    public void UpsertAgent(string agentId, IReadOnlyDictionary<string, int> skills)
    {
        ArgumentException.ThrowIfNullOrEmpty(agentId);
        ArgumentNullException.ThrowIfNull(skills);
        if (_agents.TryGetValue(agentId, out AcdAgent? existing))
        {
            var replaced = new AcdAgent(agentId, skills, existing.StateSince);
            replaced.Restore(existing);
            _agents[agentId] = replaced;
        }
        else
        {
            _agents.Add(agentId, new AcdAgent(agentId, skills, Now));
        }
    }

    /// <summary>The agent's phone registered: OFFLINE becomes READY (Acd:ReadyOnRegister) or NOT_READY.</summary>
    public AcdOutcome AgentRegistered(string agentId)
    {
        if (Find(agentId, out AcdAgent? agent) is { } refused)
        {
            return refused;
        }

        if (agent.State != AgentState.Offline)
        {
            return Done();
        }

        Move(agent, _options.ReadyOnRegister ? AgentState.Ready : AgentState.NotReady, "registered");
        Dispatch();
        return Done();
    }

    public AcdOutcome SetReady(string agentId)
    {
        if (Find(agentId, out AcdAgent? agent) is { } refused)
        {
            return refused;
        }

        switch (agent.State)
        {
            case AgentState.Ready:
                return Done();
            case AgentState.Ringing or AgentState.OnCall:
                return AcdOutcome.Refuse($"agent {agentId} is {agent.State} with call {agent.CallId}");
        }

        agent.ConsecutiveNoAnswers = 0;
        agent.WrapUpEndsAt = null;
        agent.CallId = null;
        Move(agent, AgentState.Ready, "agent ready");
        Dispatch();
        return Done();
    }

    public AcdOutcome SetNotReady(string agentId, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Find(agentId, out AcdAgent? agent) is { } refused)
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
            EndOffer(agent, OfferEndReason.Rejected, AgentState.NotReady, reason);
        }
        else
        {
            agent.WrapUpEndsAt = null;
            agent.CallId = null;
            Move(agent, AgentState.NotReady, reason);
        }

        Dispatch();
        return Done();
    }

    /// <summary>
    /// Registration lapsed, the agent logged out, or the phone stopped answering keep-alives: the agent
    /// leaves routing whatever it was doing, so lost signalling never leaves it stuck ON_CALL.
    /// </summary>
    public AcdOutcome SetOffline(string agentId, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (Find(agentId, out AcdAgent? agent) is { } refused)
        {
            return refused;
        }

        if (agent.State == AgentState.Ringing)
        {
            EndOffer(agent, OfferEndReason.AgentLoggedOut, AgentState.Offline, reason);
        }
        else if (agent.State != AgentState.Offline)
        {
            agent.WrapUpEndsAt = null;
            Move(agent, AgentState.Offline, reason, agent.CallId);
            agent.CallId = null;
        }

        Dispatch();
        return Done();
    }

    /// <summary>AgentDesk.EndWrapUp: the agent finished after-call work early.</summary>
    public AcdOutcome EndWrapUp(string agentId)
    {
        if (Find(agentId, out AcdAgent? agent) is { } refused)
        {
            return refused;
        }

        if (agent.State != AgentState.WrapUp)
        {
            return AcdOutcome.Refuse($"agent {agentId} is {agent.State}, not in wrap-up");
        }

        FinishWrapUp(agent, "wrap-up ended by agent");
        Dispatch();
        return Done();
    }

    private DateTimeOffset Now => _time.GetUtcNow();

    private AcdOutcome? Find(string agentId, out AcdAgent agent)
    {
        if (_agents.TryGetValue(agentId, out AcdAgent? found))
        {
            agent = found;
            return null;
        }

        agent = null!;
        return AcdOutcome.Refuse($"unknown agent {agentId}");
    }

    private void Move(AcdAgent agent, AgentState state, string reason, string? callId = null)
    {
        AgentStateChange change = agent.MoveTo(state, reason, Now, callId);
        _events.Add(new AgentStateChanged(change.At, agent.Id, change));
    }

    private void FinishWrapUp(AcdAgent agent, string reason)
    {
        string? callId = agent.CallId;
        agent.WrapUpEndsAt = null;
        agent.CallId = null;
        Move(agent, AgentState.Ready, reason, callId);
    }

    private AcdOutcome Done()
    {
        var outcome = new AcdOutcome(_events.ToArray());
        _events.Clear();
        return outcome;
    }
}
