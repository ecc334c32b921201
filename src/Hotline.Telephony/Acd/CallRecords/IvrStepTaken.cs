namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>A step of the IVR path (greeting, menu, key:2, …).</summary>
public sealed record IvrStepTaken(DateTimeOffset At, string Step) : CallRecordEvent(At);
