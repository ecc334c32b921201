using Hotline.Telephony.Acd;

namespace Hotline.Telephony.Calls;

/// <summary>The library's default: agent state history kept in memory; the host's agent grain replaces it.</summary>
internal sealed class InMemoryAgentStateAuthority : IAgentStateAuthority
{
    private readonly Dictionary<string, List<AgentStateChange>> _history = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public Task RecordAsync(string agentId, AgentStateChange change, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (!_history.TryGetValue(agentId, out var changes))
            {
                _history[agentId] = changes = [];
            }
            changes.Add(change);
        }
        return Task.CompletedTask;
    }

    public IReadOnlyList<AgentStateChange> HistoryOf(string agentId)
    {
        lock (_gate)
        {
            return _history.TryGetValue(agentId, out var changes) ? [.. changes] : [];
        }
    }
}
