namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>One side hung up. The first says who ended the conversation; the last ends the call (the caller may stay for the survey).</summary>
public sealed record CallHungUp(DateTimeOffset At, HangUpSide Side) : CallRecordEvent(At);
