using Hotline.Contracts.Agents;
using Hotline.Telephony.Acd;

namespace Hotline.Silo.Storage;

/// <summary>The append-only history of agent state changes (agent_state_changes), numbered per agent from 1.</summary>
internal interface IAgentStateLog
{
    /// <summary>Appends change number <paramref name="seq"/>; returns once it is durable. Throws when that number is taken.</summary>
    Task AppendAsync(string agentId, long seq, AgentStateChange change, CancellationToken cancellationToken);

    /// <summary>The newest change of the agent, or null when it has none.</summary>
    Task<StoredAgentStateChange?> ReadLatestAsync(string agentId, CancellationToken cancellationToken);

    /// <summary>The newest <paramref name="limit"/> changes, oldest first.</summary>
    Task<IReadOnlyList<StoredAgentStateChange>> ReadRecentAsync(string agentId, int limit, CancellationToken cancellationToken);
}
