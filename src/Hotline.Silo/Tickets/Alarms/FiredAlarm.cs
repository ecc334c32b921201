namespace Hotline.Silo.Tickets.Alarms;

/// <summary>An alarm already issued for a deadline with this due time (kept in the ticket's state).</summary>
internal sealed record FiredAlarm(DeadlineKind Kind, AlarmLevel Level, DateTimeOffset Due);
