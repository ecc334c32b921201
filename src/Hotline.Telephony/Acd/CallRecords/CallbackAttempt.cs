namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>One call the scheduler placed for a callback request: its number (1, 2, …), when, and how it ended.</summary>
public sealed record CallbackAttempt(int Attempt, DateTimeOffset At, string Result);
