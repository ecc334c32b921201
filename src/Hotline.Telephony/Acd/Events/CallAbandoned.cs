namespace Hotline.Telephony.Acd.Events;

/// <summary>The caller hung up while waiting or while an agent was ringing.</summary>
public sealed record CallAbandoned(DateTimeOffset At, string CallId, string QueueId, TimeSpan Waited) : AcdEvent(At);
