using Hotline.Contracts.Agents;
using Hotline.Contracts.Grains;
using Hotline.Telephony.Acd;
using Orleans;

namespace Hotline.Silo.Agents;

/// <summary>The telephony port to the agent grains: each change goes to the agent's grain, which keeps it.</summary>
internal sealed class AgentStateAuthority(IGrainFactory grains) : IAgentStateAuthority
{
    public Task RecordAsync(string agentId, AgentStateChange change, CancellationToken cancellationToken) =>
        grains.GetGrain<IAgentGrain>(agentId).RecordAsync(change).WaitAsync(cancellationToken);
}
