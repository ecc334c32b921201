using Hotline.Telephony.Calls;

namespace Hotline.Api.Calls;

/// <summary>The agent state commands of a host that runs alone: this host's call center only.</summary>
internal sealed class LocalAgentStateCommands(ICallCenter center) : IAgentStateCommands
{
    public Task<CallCenterResult> SetNotReadyAsync(string agentId, string reason, CancellationToken cancellationToken) =>
        center.SetNotReadyAsync(agentId, reason, cancellationToken);

    public Task<CallCenterResult> LogOutAsync(string agentId, string reason, CancellationToken cancellationToken) =>
        center.LogOutAsync(agentId, reason, cancellationToken);
}
