namespace Hotline.Contracts.Wallboard;

/// <summary>
/// One host's agent commands, reachable from every host of the cluster: an agent's routing state lives with the host
/// whose SIP edge the agent registered with, so a supervisor signed in on another host routes the command here. Each host
/// hands an object reference to the cluster's wallboard with its report (<see cref="WallboardHostReport.Control"/>).
/// </summary>
public interface IHostAgentControl : IGrainObserver
{
    /// <summary>Sets the agent NOT_READY with the reason, as this host's call center would for a local caller.</summary>
    Task<AgentCommandOutcome> SetNotReadyAsync(string agentId, string reason);

    /// <summary>Sets the agent READY.</summary>
    Task<AgentCommandOutcome> SetReadyAsync(string agentId);

    /// <summary>Logs the agent out (签出) with the reason; the agent's phone stays registered.</summary>
    Task<AgentCommandOutcome> LogOutAsync(string agentId, string reason);
}
