using Hotline.Silo.Tickets.Alarms;

namespace Hotline.Silo.Tickets.Events;

/// <summary>The scheduler found a deadline at a threshold: 80% used (warning), passed (overdue), or overdue for long (escalated).</summary>
/// <param name="Due">The deadline's due time when the alarm was issued.</param>
/// <param name="DepartmentId">The lead department the deadline binds.</param>
internal sealed record DeadlineAlarmed(DeadlineKind Deadline, AlarmLevel Level, DateTimeOffset Due, string? DepartmentId) : TicketEvent
{
    public override string Type => Level switch
    {
        AlarmLevel.Warning => "deadline_warning",
        AlarmLevel.Overdue => "deadline_overdue",
        _ => "deadline_escalated",
    };
}
