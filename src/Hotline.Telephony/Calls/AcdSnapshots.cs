using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;

namespace Hotline.Telephony.Calls;

/// <summary>What supervisors see of the ACD: agents and queues read from the engine, on the call center's loop.</summary>
internal static class AcdSnapshots
{
    public static IReadOnlyList<AgentSnapshot> Agents(AcdEngine acd) => acd.Agents
        .OrderBy(a => a.Id, StringComparer.Ordinal)
        .Select(a => new AgentSnapshot(a.Id, a.State, a.Reason, a.StateSince, a.CallId, a.Skills, a.CallsAnswered))
        .ToList();

    public static IReadOnlyList<QueueSnapshot> Queues(AcdEngine acd, DateTimeOffset now) =>
        acd.Queues.OrderBy(q => q.Id, StringComparer.Ordinal).Select(queue =>
        {
            var waiting = acd.Waiting.Where(c => c.Queue.Id == queue.Id).ToList();
            var able = acd.Agents.Where(a => a.Skills.GetValueOrDefault(queue.Skill) > 0).ToList();
            var estimate = waiting.Count > 0 ? acd.Status(waiting[^1].CallId)?.EstimatedWait : null;
            return new QueueSnapshot(
                queue.Id,
                queue.Skill,
                waiting.Count,
                waiting.Count == 0 ? TimeSpan.Zero : now - waiting.Min(c => c.EnqueuedAt),
                able.Count(a => a.State == AgentState.Ready),
                able.Count(a => a.State is AgentState.Ringing or AgentState.OnCall or AgentState.WrapUp),
                estimate);
        }).ToList();
}
