namespace Hotline.Telephony.Acd.Events;

/// <summary>An offer to an agent ended; unless answered, cancel the ringing leg.</summary>
public sealed record OfferEnded(DateTimeOffset At, string CallId, string AgentId, OfferEndReason Reason) : AcdEvent(At);
