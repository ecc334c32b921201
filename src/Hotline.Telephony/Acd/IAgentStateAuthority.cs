using Hotline.Contracts.Agents;

namespace Hotline.Telephony.Acd;

/// <summary>
/// Port to the one authority over agent states (the host's agent grain): every change the ACD makes is
/// passed here to be kept, and the authority's current states seed the engine on start.
/// </summary>
public interface IAgentStateAuthority
{
    Task RecordAsync(string agentId, AgentStateChange change, CancellationToken cancellationToken);
}
