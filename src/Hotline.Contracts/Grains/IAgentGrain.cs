using Hotline.Contracts.Agents;

namespace Hotline.Contracts.Grains;

/// <summary>
/// One agent, keyed by agent id: the cluster-wide authority over the agent's routing state (one activation
/// in the whole cluster). Every change is kept in agent_state_changes before it is acknowledged.
/// </summary>
public interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Keeps the change durably and makes its target the current state.</summary>
    Task RecordAsync(AgentStateChange change);

    /// <summary>The current state: the target of the last kept change, Offline for an agent with none.</summary>
    Task<AgentState> GetStateAsync();

    /// <summary>The newest <paramref name="limit"/> (1–1000) changes, oldest first.</summary>
    Task<IReadOnlyList<StoredAgentStateChange>> GetHistoryAsync(int limit);
}
