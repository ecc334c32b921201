namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>The caller chose to be called back instead of waiting.</summary>
public sealed record CallbackAccepted(DateTimeOffset At, string Number) : CallRecordEvent(At);
