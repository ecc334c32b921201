using Hotline.Contracts.Organisation;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Calendar;

namespace Hotline.Silo.Tickets;

/// <summary>Computes sign (签收) and handling deadlines, the return window, and how a deadline stands.</summary>
internal sealed class TicketDeadlines(TicketOptions options, WorkCalendar calendar)
{
    public Deadline Sign(Urgency urgency, DateTimeOffset from) => urgency switch
    {
        Urgency.Emergency => Calendar(from, options.EmergencySignWithin),
        Urgency.Utility => Calendar(from, options.UtilitySignWithin),
        _ => Working(from, options.NormalSignWorkingDays),
    };

    public Deadline Handle(Urgency urgency, Department lead, DateTimeOffset from) => urgency switch
    {
        Urgency.Emergency => Calendar(from, options.EmergencyHandleWithin),
        Urgency.Utility => Calendar(from, options.UtilityHandleWithin),
        _ => Working(from, lead.HandlingWorkingDays > 0 ? lead.HandlingWorkingDays : options.DefaultHandlingWorkingDays),
    };

    /// <summary>Moves the due time by <paramref name="days"/>, in the deadline's own kind of time.</summary>
    public Deadline Extend(Deadline deadline, int days) => deadline with
    {
        Due = deadline.WorkingTime ? calendar.AddWorkingDays(deadline.Due, days) : deadline.Due.AddDays(days),
    };

    public DateTimeOffset ReturnWindowEnd(DateTimeOffset dispatchedAt) =>
        calendar.AddWorkingDays(dispatchedAt, options.ReturnWindowWorkingDays);

    /// <summary>Overdue once past due; a warning once the warning share of the allowed time has elapsed.</summary>
    public DeadlineStatus StatusAt(Deadline deadline, DateTimeOffset now)
    {
        if (now > deadline.Due)
        {
            return DeadlineStatus.Overdue;
        }

        var (elapsed, allowed) = deadline.WorkingTime
            ? (calendar.WorkingTimeBetween(deadline.Start, now), calendar.WorkingTimeBetween(deadline.Start, deadline.Due))
            : (now - deadline.Start, deadline.Due - deadline.Start);
        if (allowed <= TimeSpan.Zero)
        {
            return DeadlineStatus.Warning;
        }

        return elapsed.Ticks >= allowed.Ticks * options.WarningFraction ? DeadlineStatus.Warning : DeadlineStatus.OnTime;
    }

    private static Deadline Calendar(DateTimeOffset from, TimeSpan within) => new(from, from + within, WorkingTime: false);

    private Deadline Working(DateTimeOffset from, int days) => new(from, calendar.AddWorkingDays(from, days), WorkingTime: true);
}
