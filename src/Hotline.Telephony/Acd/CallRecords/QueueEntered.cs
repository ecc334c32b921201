namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>The call joined an ACD queue.</summary>
public sealed record QueueEntered(DateTimeOffset At, string QueueId, int Priority) : CallRecordEvent(At);
