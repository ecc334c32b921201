using Hotline.Telephony.Calls;

namespace Hotline.Api.Calls;

/// <summary>
/// A port for the supervisor's forced agent states: an agent's routing state lives with the SIP edge the agent
/// registered with, which may be another host of the cluster. The host wires this to its cluster-wide commands;
/// without it the local call center acts alone.
/// </summary>
internal interface IAgentStateCommands
{
    /// <summary>Sets the agent NOT_READY wherever it is registered; NotFound when no host has it, Unavailable when that host does not answer.</summary>
    Task<CallCenterResult> SetNotReadyAsync(string agentId, string reason, CancellationToken cancellationToken);

    /// <summary>Logs the agent out wherever it is registered; refusals as for <see cref="SetNotReadyAsync"/>.</summary>
    Task<CallCenterResult> LogOutAsync(string agentId, string reason, CancellationToken cancellationToken);
}
