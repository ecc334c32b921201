namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>The agent transferred the call (blind or attended).</summary>
public sealed record CallTransferred(DateTimeOffset At, string FromAgentId, string Target, bool Attended) : CallRecordEvent(At);
