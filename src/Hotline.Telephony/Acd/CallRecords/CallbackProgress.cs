namespace Hotline.Telephony.Acd.CallRecords;

/// <summary>
/// Where the callback a call left behind stands (漏接回拨, queued callback): shown on the call's record to
/// supervisors. <see cref="Outcome"/> and <see cref="CompletedAt"/> are set once it is reached, cancelled or given up.
/// </summary>
public sealed record CallbackProgress(
    CallbackKind Kind,
    DateTimeOffset RequestedAt,
    IReadOnlyList<CallbackAttempt> Attempts,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? CompletedAt,
    string? Outcome,
    string? FlagReason);
