namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>An agent's phone started ringing for the call.</summary>
public sealed record AgentOffered(DateTimeOffset At, string AgentId) : CallRecordEvent(At);
