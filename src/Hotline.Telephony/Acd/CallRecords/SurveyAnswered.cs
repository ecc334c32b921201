namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>The caller's satisfaction answer.</summary>
public sealed record SurveyAnswered(DateTimeOffset At, Hotline.Telephony.Ivr.SurveyResult Result) : CallRecordEvent(At);
