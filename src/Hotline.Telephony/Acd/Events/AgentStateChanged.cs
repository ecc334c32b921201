using Hotline.Contracts.Agents;

namespace Hotline.Telephony.Acd.Events;

/// <summary>An agent's state changed; pass to IAgentStateAuthority.</summary>
public sealed record AgentStateChanged(DateTimeOffset At, string AgentId, AgentStateChange Change) : AcdEvent(At);
