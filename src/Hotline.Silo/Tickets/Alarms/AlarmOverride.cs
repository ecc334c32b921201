namespace Hotline.Silo.Tickets.Alarms;

/// <summary>
/// A supervisor's change to one alarm of one deadline: moved to <paramref name="At"/>, or cancelled (null).
/// Tied to the deadline's due time like the alarm itself: an extension or re-dispatch that moves the deadline
/// makes new alarms, which follow the rules again.
/// </summary>
internal sealed record AlarmOverride(DeadlineKind Kind, AlarmLevel Level, DateTimeOffset Due, DateTimeOffset? At);
