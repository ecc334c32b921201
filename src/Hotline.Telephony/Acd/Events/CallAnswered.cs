namespace Hotline.Telephony.Acd.Events;

/// <summary>The agent answered; bridge the call.</summary>
public sealed record CallAnswered(DateTimeOffset At, string CallId, string AgentId, TimeSpan Waited) : AcdEvent(At);
