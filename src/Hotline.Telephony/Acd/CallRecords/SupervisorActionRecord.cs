namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>A supervisor's action on the call, as the record shows it.</summary>
public sealed record SupervisorActionRecord(DateTimeOffset At, string SupervisorId, SupervisorActionKind Action, string Detail);
