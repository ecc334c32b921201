namespace Hotline.Telephony.Acd.CallRecords;

public sealed record TransferRecord(DateTimeOffset At, string FromAgentId, string Target, bool Attended);
