namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>The call reached the edge from a trunk.</summary>
public sealed record CallArrived(DateTimeOffset At, string Caller, string Called) : CallRecordEvent(At);
