namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>An offer ended: answered, timed out, rejected, …</summary>
public sealed record AgentOfferEnded(DateTimeOffset At, string AgentId, OfferEndReason Reason) : CallRecordEvent(At);
