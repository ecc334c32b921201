using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd.Events;

namespace Hotline.Telephony.Acd;

/// <summary>
/// What the ACD's rules share: agents, queues, the waiting line, connected calls, and the events a command
/// has caused so far. Plain state with the few moves every rule makes; no I/O.
/// </summary>
internal sealed class AcdBook(TimeProvider time, AcdOptions options)
{
    private readonly List<AcdEvent> _events = [];

    public AcdOptions Options { get; } = options;

    public Dictionary<string, AcdAgent> Agents { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, AcdQueueOptions> Queues { get; } = new(StringComparer.Ordinal);

    public WaitingLine Line { get; } = new();

    public Dictionary<string, ActiveCall> Active { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset Now => time.GetUtcNow();

    public void Add(AcdEvent acdEvent) => _events.Add(acdEvent);

    /// <summary>The events the command caused, handed out once.</summary>
    public AcdOutcome Done()
    {
        var outcome = new AcdOutcome(_events.ToArray());
        _events.Clear();
        return outcome;
    }

    public AcdOutcome? Find(string agentId, out AcdAgent agent)
    {
        if (Agents.TryGetValue(agentId, out AcdAgent? found))
        {
            agent = found;
            return null;
        }

        agent = null!;
        return AcdOutcome.Refuse($"unknown agent {agentId}");
    }

    public void Move(AcdAgent agent, AgentState state, string reason, string? callId = null)
    {
        AgentStateChange change = agent.MoveTo(state, reason, Now, callId);
        _events.Add(new AgentStateChanged(change.At, agent.Id, change));
    }

    public void FinishWrapUp(AcdAgent agent, string reason)
    {
        string? callId = agent.CallId;
        agent.WrapUpEndsAt = null;
        agent.CallId = null;
        Move(agent, AgentState.Ready, reason, callId);
    }

    public CallbackRequest RequestCallback(QueuedCall call, string number, CallbackKind kind)
    {
        var request = new CallbackRequest(call.CallId, number, call.Queue.Id, kind, Now, Now - call.EnqueuedAt);
        _events.Add(new CallbackRequested(Now, request));
        return request;
    }
}
