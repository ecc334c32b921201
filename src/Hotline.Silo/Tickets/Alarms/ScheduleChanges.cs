using Hotline.Contracts.Scheduling;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Tickets.Events;

namespace Hotline.Silo.Tickets.Alarms;

/// <summary>
/// The rules of a supervisor's change to a ticket's scheduled jobs (Supervision.RescheduleJob / CancelJob):
/// plain code on the ticket's state that returns the event to commit or throws the refusal.
/// </summary>
internal sealed class ScheduleChanges(TicketAlarms alarms)
{
    /// <summary>As for the other reasons a supervisor gives.</summary>
    public const int MaxReasonLength = 200;

    /// <summary>A year and a day: far enough for any promise the hotline makes; further is a typo.</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(366);

    public IReadOnlyList<TicketEvent> Reschedule(TicketGrainState state, Caller caller, string job, DateTimeOffset dueAt, string reason, DateTimeOffset now)
    {
        RequireSupervisor(caller);
        var why = CheckedReason(reason);
        CheckDueAt(dueAt, now);

        var pending = Pending(state, job);
        if (pending.Kind == ScheduledJobKind.ReturnVisit && alarms.IsQuiet(dueAt))
        {
            throw TicketRefusedException.Invalid("due_at", "falls in Schedule:QuietHours, when nobody is called");
        }

        return [new JobRescheduled(job, pending.DueAt, dueAt, pending.DeadlineDueAt, why)];
    }

    public IReadOnlyList<TicketEvent> Cancel(TicketGrainState state, Caller caller, string job, string reason)
    {
        RequireSupervisor(caller);
        var why = CheckedReason(reason);
        var pending = Pending(state, job);
        return [new JobCancelled(job, pending.DueAt, pending.DeadlineDueAt, why)];
    }

    private ScheduledJob Pending(TicketGrainState state, string job) =>
        alarms.Jobs(state).FirstOrDefault(j => j.JobId == JobNames.Id(state.Id, job))
        ?? throw new TicketRefusedException(
            TicketRefusal.FailedPrecondition,
            $"job '{JobNames.Id(state.Id, job)}' is not pending: it was issued or cancelled, or it does not apply while the ticket is {TicketStateNames.Wire(state.State)}",
            state: state.State);

    /// <summary>A new due time is in the future, and at most <see cref="MaxAhead"/> away.</summary>
    public static void CheckDueAt(DateTimeOffset dueAt, DateTimeOffset now)
    {
        if (dueAt <= now)
        {
            throw TicketRefusedException.Invalid("due_at", "must be later than now");
        }

        if (dueAt > now + MaxAhead)
        {
            throw TicketRefusedException.Invalid("due_at", $"must be at most {MaxAhead.TotalDays:0} days ahead");
        }
    }

    public static void RequireSupervisor(Caller caller)
    {
        if (caller.Kind != CallerKind.Staff || caller.Role != StaffRole.Supervisor)
        {
            throw TicketRefusedException.Denied("only supervisors change scheduled jobs");
        }
    }

    public static string CheckedReason(string reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw TicketRefusedException.Invalid("reason", "is required");
        }

        return reason.Length > MaxReasonLength || reason.Any(char.IsControl)
            ? throw TicketRefusedException.Invalid("reason", $"must be at most {MaxReasonLength} characters without control characters")
            : reason.Trim();
    }
}
