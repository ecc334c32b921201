using Hotline.Contracts.Agents;

namespace Hotline.Silo.Agents;

/// <summary>Source-generated log messages of the agent grain (event ids 2100–2199).</summary>
internal static partial class AgentLog
{
    [LoggerMessage(2100, LogLevel.Information, "Agent {AgentId} was {Kept} by the last kept change but the call centre reports a change from {From} to {To}")]
    public static partial void StateGap(ILogger logger, string agentId, AgentState kept, AgentState from, AgentState to);
}
