using Hotline.Contracts.Grains;
using Hotline.Silo.Storage;
using Hotline.Telephony.Acd;

namespace Hotline.Silo.Agents;

/// <summary>
/// One agent, keyed by agent id: the one authority over the agent's routing state. Every change is kept
/// in agent_state_changes before it is acknowledged.
/// </summary>
internal interface IAgentGrain : IGrainWithStringKey
{
    /// <summary>Keeps the change durably and makes its target the current state.</summary>
    Task RecordAsync(AgentStateChange change);

    /// <summary>The current state: the target of the last kept change, Offline for an agent with none.</summary>
    Task<AgentState> GetStateAsync();

    /// <summary>The newest <paramref name="limit"/> (1–<see cref="AgentGrain.MaxHistory"/>) changes, oldest first.</summary>
    Task<IReadOnlyList<StoredAgentStateChange>> GetHistoryAsync(int limit);
}
