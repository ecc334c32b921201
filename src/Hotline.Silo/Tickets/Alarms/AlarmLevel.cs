namespace Hotline.Silo.Tickets.Alarms;

/// <summary>How far a deadline has gone: 催办 at the warning share, overdue at the due time, 督办 later.</summary>
internal enum AlarmLevel
{
    Warning,
    Overdue,
    Escalated,
}
