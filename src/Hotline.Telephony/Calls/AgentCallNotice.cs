namespace Hotline.Telephony.Calls;

/// <summary>
/// One moment of a call on an agent's desk. <see cref="CallerNumber"/> is the full number: the agent's
/// screen pop needs it to find the caller's earlier tickets.
/// </summary>
public sealed record AgentCallNotice(
    AgentCallPhase Phase,
    string CallId,
    string CallerNumber,
    string QueueId,
    DateTimeOffset At,
    string? Detail = null);
