namespace Hotline.Telephony.Acd.Events;

/// <summary>The wait is long: play the callback offer to the caller.</summary>
public sealed record CallbackOffered(DateTimeOffset At, string CallId, TimeSpan? EstimatedWait) : AcdEvent(At);
