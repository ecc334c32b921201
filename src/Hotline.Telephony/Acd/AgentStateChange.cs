namespace Hotline.Telephony.Acd;

/// <summary>One kept transition of an agent's state, with why it happened and the call involved.</summary>
public sealed record AgentStateChange(DateTimeOffset At, AgentState From, AgentState To, string Reason, string? CallId = null);
