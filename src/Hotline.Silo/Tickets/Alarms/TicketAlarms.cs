using Hotline.Contracts.Tickets;
using Hotline.Silo.Calendar;
using Hotline.Silo.Tickets.Events;

namespace Hotline.Silo.Tickets.Alarms;

/// <summary>
/// Which deadline alarms a ticket has pending, when the next is due, and which are due now. Plain code on
/// the ticket's state: the sweep finds tickets by the next due time stored beside them, and the ticket
/// grain asks this class what to issue, so moving or ending a deadline (extension, return, re-dispatch,
/// reply, closing) moves or cancels its alarms by itself.
/// </summary>
internal sealed class TicketAlarms(TicketOptions options, WorkCalendar calendar)
{
    private static readonly AlarmLevel[] Levels = [AlarmLevel.Warning, AlarmLevel.Overdue, AlarmLevel.Escalated];

    /// <summary>Alarms not yet issued for the deadlines that bind the ticket in its current state.</summary>
    public IEnumerable<DeadlineAlarm> Pending(TicketGrainState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        foreach (var (kind, deadline) in Binding(state))
        {
            foreach (var level in Levels)
            {
                if (!state.Alarms.Contains(new FiredAlarm(kind, level, deadline.Due)))
                {
                    yield return new DeadlineAlarm(kind, level, deadline.Due, At(deadline, level));
                }
            }
        }
    }

    /// <summary>When the next alarm is due; null when none is pending.</summary>
    public DateTimeOffset? NextAt(TicketGrainState state)
    {
        DateTimeOffset? next = null;
        foreach (var alarm in Pending(state))
        {
            if (next is null || alarm.At < next)
            {
                next = alarm.At;
            }
        }

        return next;
    }

    /// <summary>The events for every alarm due at <paramref name="now"/>, in due order (a sweep late after a restart issues all it missed).</summary>
    public IReadOnlyList<TicketEvent> Due(TicketGrainState state, DateTimeOffset now) =>
        [.. Pending(state).Where(a => a.At <= now).OrderBy(a => a.At).ThenBy(a => a.Level)
            .Select(a => new DeadlineAlarmed(a.Kind, a.Level, a.Due, state.LeadDepartmentId))];

    /// <summary>
    /// The sign deadline binds until a department signs; the handling deadline until it replies. A returned
    /// ticket waits on the hotline, not on a department, so neither binds then.
    /// </summary>
    private static IEnumerable<(DeadlineKind Kind, Deadline Deadline)> Binding(TicketGrainState state)
    {
        if (state.State == TicketState.Dispatched && state.SignDeadline is { } sign)
        {
            yield return (DeadlineKind.Sign, sign);
        }

        if (state.State is TicketState.Dispatched or TicketState.Claimed && state.HandleDeadline is { } handle)
        {
            yield return (DeadlineKind.Handle, handle);
        }
    }

    private DateTimeOffset At(Deadline deadline, AlarmLevel level) => level switch
    {
        AlarmLevel.Warning => WarningAt(deadline),
        AlarmLevel.Overdue => deadline.Due,
        _ => calendar.AddWorkingDays(deadline.Due, options.EscalateAfterOverdueWorkingDays),
    };

    /// <summary>The instant the warning share of the allowed time is used, in the deadline's own kind of time.</summary>
    private DateTimeOffset WarningAt(Deadline deadline)
    {
        if (deadline.Due <= deadline.Start)
        {
            return deadline.Start;
        }

        var allowed = deadline.WorkingTime ? calendar.WorkingTimeBetween(deadline.Start, deadline.Due) : deadline.Due - deadline.Start;
        var share = TimeSpan.FromTicks((long)Math.Ceiling(allowed.Ticks * options.WarningFraction));
        return deadline.WorkingTime ? calendar.AddWorkingTime(deadline.Start, share) : deadline.Start + share;
    }
}
