using Hotline.Contracts.Agents;

namespace Hotline.Telephony.Acd;

/// <summary>Which ready agent a waiting call is offered to: skill level first, then the queue's strategy.</summary>
internal sealed class AgentSelector(AcdBook book)
{
    private readonly Dictionary<string, string> _lastAssigned = new(StringComparer.Ordinal);

    public AcdAgent? Select(QueuedCall call)
    {
        if (call.TargetAgent is { } target)
        {
            return book.Agents[target] is { State: AgentState.Ready } agent ? agent : null;
        }

        string skill = call.Queue.Skill;
        var candidates = book.Agents.Values
            .Where(a => a.State == AgentState.Ready && a.LevelFor(skill) > 0 && !call.TriedAgents.Contains(a.Id))
            .ToList();
        if (candidates.Count == 0)
        {
            // Everyone able has been tried once: go round again rather than leave the caller waiting.
            candidates = book.Agents.Values.Where(a => a.State == AgentState.Ready && a.LevelFor(skill) > 0).ToList();
            call.ForgetTried();
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        // Higher skill levels are offered first; the strategy chooses within the best level present.
        int best = candidates.Max(a => a.LevelFor(skill));
        candidates.RemoveAll(a => a.LevelFor(skill) != best);
        return call.Queue.Strategy switch
        {
            RoutingStrategy.RoundRobin => NextInTurn(call.Queue.Id, candidates),
            RoutingStrategy.FewestCalls => candidates
                .OrderBy(a => a.CallsAnswered).ThenBy(a => a.IdleSince).ThenBy(a => a.Id, StringComparer.Ordinal).First(),
            _ => candidates.OrderBy(a => a.IdleSince).ThenBy(a => a.Id, StringComparer.Ordinal).First(),
        };
    }

    /// <summary>Round robin remembers, per queue, the agent last offered a call.</summary>
    public void Assigned(string queueId, string agentId) => _lastAssigned[queueId] = agentId;

    private AcdAgent NextInTurn(string queueId, List<AcdAgent> candidates)
    {
        candidates.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
        if (_lastAssigned.TryGetValue(queueId, out string? last))
        {
            AcdAgent? after = candidates.FirstOrDefault(a => string.CompareOrdinal(a.Id, last) > 0);
            if (after is not null)
            {
                return after;
            }
        }

        return candidates[0];
    }
}
