namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>The maximum wait passed; the call left the queue for Target.</summary>
public sealed record QueueOverflowed(DateTimeOffset At, string? Target) : CallRecordEvent(At);
