using Hotline.Contracts.Agents;

namespace Hotline.Telephony.Acd;

/// <summary>
/// Agent-first callbacks: the next free agent of a queue is held for one callback before the citizen is
/// dialled, so an answering citizen never waits in line. A held agent is ON_CALL under the reservation's id
/// and is offered nothing else; answered, the citizen's call is offered to that agent first; not answered,
/// the agent is released to READY.
/// </summary>
internal sealed class AgentReservations(AcdBook book, AgentSelector selector)
{
    private const string HeldReason = "held for a callback";

    private readonly Dictionary<string, string> _held = new(StringComparer.Ordinal);

    public AcdOutcome? Reserve(string reservationId, string queueId)
    {
        if (!book.Queues.TryGetValue(queueId, out AcdQueueOptions? queue))
        {
            return AcdOutcome.Refuse($"unknown queue {queueId}");
        }

        if (_held.ContainsKey(reservationId) || book.Line.Contains(reservationId) || book.Active.ContainsKey(reservationId))
        {
            return AcdOutcome.Refuse($"call {reservationId} is already held, queued or connected");
        }

        // Chosen as the queue's next waiting call would choose, so a reservation respects skills and strategy.
        var probe = new QueuedCall(reservationId, string.Empty, queue, int.MaxValue, book.Now, -1);
        if (selector.Select(probe) is not { } agent)
        {
            return AcdOutcome.Refuse($"no agent of queue {queueId} is free");
        }

        selector.Assigned(queue.Id, agent.Id);
        agent.WrapUpEndsAt = null;
        agent.CallId = reservationId;
        book.Move(agent, AgentState.OnCall, HeldReason, reservationId);
        _held.Add(reservationId, agent.Id);
        return null;
    }

    /// <summary>The agent held for <paramref name="reservationId"/>, if it is still held (it may have logged out meanwhile).</summary>
    public string? AgentOf(string reservationId) =>
        _held.TryGetValue(reservationId, out var agentId) && IsHeld(book.Agents[agentId], reservationId) ? agentId : null;

    /// <summary>Ends the hold: the agent goes READY (and takes whatever is waiting) unless it left meanwhile.</summary>
    public string? Release(string reservationId, string reason)
    {
        if (!_held.Remove(reservationId, out var agentId))
        {
            return null;
        }

        var agent = book.Agents[agentId];
        if (!IsHeld(agent, reservationId))
        {
            return null;
        }

        agent.CallId = null;
        book.Move(agent, AgentState.Ready, reason, reservationId);
        return agentId;
    }

    private static bool IsHeld(AcdAgent agent, string reservationId) =>
        agent.State == AgentState.OnCall && agent.CallId == reservationId && agent.Reason == HeldReason;
}
