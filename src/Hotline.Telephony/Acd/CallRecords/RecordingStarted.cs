namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>The call's recording file.</summary>
public sealed record RecordingStarted(DateTimeOffset At, string Path) : CallRecordEvent(At);
