namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>A supervisor acted on the call (monitoring, force release); who, what, and when are kept on the record.</summary>
public sealed record SupervisorActed(DateTimeOffset At, string SupervisorId, SupervisorActionKind Action, string Detail) : CallRecordEvent(At);
