namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>One agent the call was offered to, and why that offer ended (null while ringing).</summary>
public sealed record AgentOfferRecord(string AgentId, DateTimeOffset OfferedAt, DateTimeOffset? EndedAt, OfferEndReason? Reason);
