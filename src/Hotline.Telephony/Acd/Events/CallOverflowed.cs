namespace Hotline.Telephony.Acd.Events;

/// <summary>The maximum wait passed; send the call to Target (null: the caller gets a callback).</summary>
public sealed record CallOverflowed(DateTimeOffset At, string CallId, string QueueId, string? Target, TimeSpan Waited) : AcdEvent(At);
