namespace Hotline.Telephony.Acd.Events;

/// <summary>A call entered a queue.</summary>
public sealed record CallQueued(DateTimeOffset At, string CallId, string QueueId, int Position, TimeSpan? EstimatedWait) : AcdEvent(At);
