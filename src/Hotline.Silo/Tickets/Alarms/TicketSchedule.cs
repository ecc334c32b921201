using Hotline.Contracts.Scheduling;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Storage;
using Hotline.Silo.Tickets.Events;

namespace Hotline.Silo.Tickets.Alarms;

/// <summary>
/// Everything the scheduler asks of one ticket, as plain code on its state: which deadline alarms and
/// return-visit step are due (and the call to place), how a visit call ended, a supervisor's reschedule or
/// cancel, and the audit rows those leave. The ticket grain only loads, commits and answers.
/// </summary>
internal sealed class TicketSchedule(TicketAlarms alarms, ScheduleChanges changes)
{
    /// <summary>The events due at <paramref name="now"/> (alarms, then the visit step) and the visit call to place, if any.</summary>
    public (IReadOnlyList<TicketEvent> Events, ReturnVisitCall? Call) Due(TicketGrainState state, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        var visit = alarms.DueVisit(state, now);
        IReadOnlyList<TicketEvent> due = [.. alarms.Due(state, now), .. visit is null ? [] : new[] { visit }];
        var call = visit is ReturnVisitAttempted attempted
            ? new ReturnVisitCall(state.Id, state.CallerPhone, attempted.Attempt, alarms.VisitQueue, alarms.VisitAutomated(state.Category))
            : null;
        return (due, call);
    }

    /// <inheritdoc cref="TicketAlarms.VisitEnded"/>
    public IReadOnlyList<TicketEvent> VisitEnded(TicketGrainState state, int attempt, bool reached, string? detail) =>
        alarms.VisitEnded(state, attempt, reached, detail ?? "");

    /// <inheritdoc cref="TicketAlarms.SurveyEnded"/>
    public IReadOnlyList<TicketEvent> SurveyEnded(TicketGrainState state, int attempt, Satisfaction? answer, string? detail) =>
        alarms.SurveyEnded(state, attempt, answer, detail ?? "");

    /// <inheritdoc cref="ScheduleChanges.Reschedule"/>
    public IReadOnlyList<TicketEvent> Reschedule(TicketGrainState state, Caller caller, string job, DateTimeOffset dueAt, string reason, DateTimeOffset now) =>
        changes.Reschedule(state, caller, job, dueAt, reason, now);

    /// <inheritdoc cref="ScheduleChanges.Cancel"/>
    public IReadOnlyList<TicketEvent> Cancel(TicketGrainState state, Caller caller, string job, string reason) =>
        changes.Cancel(state, caller, job, reason);

    /// <summary>The pending job <paramref name="job"/> of the ticket as the Supervision API shows it (after a reschedule).</summary>
    public ScheduledJob Job(TicketGrainState state, string job) =>
        alarms.Jobs(state).First(j => j.JobId == JobNames.Id(state.Id, job));

    /// <summary>When the ticket's next alarm or visit step is due: the indexed column the sweep reads.</summary>
    public DateTimeOffset? NextAt(TicketGrainState state) => alarms.NextAt(state);

    /// <summary>The scheduler_changes rows (who moved or cancelled which job, and why) a commit carries.</summary>
    public static List<SchedulerChange> AuditOf(string ticketId, IEnumerable<TicketChange> committed) =>
    [
        .. committed.Select(c => c.Event switch
        {
            JobRescheduled e => new SchedulerChange(JobNames.Id(ticketId, e.Job), "reschedule", c.Actor, c.At, e.Reason, e.Before, e.After),
            JobCancelled e => new SchedulerChange(JobNames.Id(ticketId, e.Job), "cancel", c.Actor, c.At, e.Reason, e.Before, null),
            _ => null,
        }).OfType<SchedulerChange>(),
    ];
}
