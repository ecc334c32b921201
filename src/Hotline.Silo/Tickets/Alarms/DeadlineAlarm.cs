namespace Hotline.Silo.Tickets.Alarms;

/// <summary>
/// One alarm of one deadline. It is tied to the deadline's due time: when an extension or a re-dispatch
/// moves the deadline, alarms fired for the old due time no longer count and the new ones are pending.
/// </summary>
/// <param name="At">When the alarm is due.</param>
/// <param name="Rescheduled">A supervisor set <paramref name="At"/> (see <see cref="AlarmOverride"/>).</param>
internal sealed record DeadlineAlarm(DeadlineKind Kind, AlarmLevel Level, DateTimeOffset Due, DateTimeOffset At, bool Rescheduled = false);
