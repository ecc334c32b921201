namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>One thing that happened to a call; a call's events folded in order make its detail record.</summary>
public abstract record CallRecordEvent(DateTimeOffset At);
