namespace Hotline.Telephony.Acd.Events;

/// <summary>Ring this agent for this call (for a callback: call the agent, then the citizen).</summary>
public sealed record CallOffered(DateTimeOffset At, string CallId, string AgentId, string CallerNumber, bool IsCallback) : AcdEvent(At);
