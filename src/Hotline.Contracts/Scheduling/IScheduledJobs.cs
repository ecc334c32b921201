using Hotline.Contracts.Security;

namespace Hotline.Contracts.Scheduling;

/// <summary>
/// The supervisors' view of what the scheduler will do, and their changes to it (Supervision). Refusals throw
/// <see cref="Tickets.TicketRefusedException"/> (INVALID_ARGUMENT naming the field, NOT_FOUND, FAILED_PRECONDITION).
/// </summary>
public interface IScheduledJobs
{
    Task<ScheduledJobPage> ListAsync(ScheduledJobQuery query, CancellationToken cancellationToken);

    /// <summary>Moves a pending job to <paramref name="dueAt"/>; the change is kept with who and why.</summary>
    Task<ScheduledJob> RescheduleAsync(Caller caller, string jobId, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken);

    /// <summary>Cancels a pending job so it never fires; kept with who and why.</summary>
    Task CancelAsync(Caller caller, string jobId, string reason, CancellationToken cancellationToken);
}
