using Hotline.Contracts.Scheduling;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Sql;
using Hotline.Silo.Tickets;
using Hotline.Silo.Tickets.Alarms;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// Pending callback requests as Supervision's scheduled jobs ("callback/{call id}"): listed by due time, moved
/// (the next attempt waits until then; never into quiet hours) or cancelled (the request completes, never
/// called), each change kept in scheduler_changes with who and why, by the same rules as a ticket's jobs.
/// </summary>
internal sealed class CallbackJobs(SqlCallbackJobStore store, CallbackPlan plan, TimeProvider time)
{
    public async Task<IReadOnlyList<ScheduledJob>> ListAsync(ScheduledJobQuery query, (DateTimeOffset At, string CallId)? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var rows = await store.ListAsync(query.From, query.To, after, limit, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(Job)];
    }

    public async Task<ScheduledJob> RescheduleAsync(Caller caller, string callId, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken)
    {
        ScheduleChanges.RequireSupervisor(caller);
        var why = ScheduleChanges.CheckedReason(reason);
        var now = time.GetUtcNow();
        ScheduleChanges.CheckDueAt(dueAt, now);
        if (!plan.MayCall(dueAt))
        {
            throw TicketRefusedException.Invalid("due_at", "falls in Schedule:QuietHours, when nobody is called");
        }

        var pending = await PendingAsync(callId, cancellationToken).ConfigureAwait(false);
        var change = new SchedulerChange(SqlCallbackJobStore.Prefix + callId, "reschedule", TicketAccess.ActorOf(caller), now, why, pending.DueAt, dueAt);
        if (!await store.RescheduleAsync(callId, change, cancellationToken).ConfigureAwait(false))
        {
            throw NotPending(callId);
        }

        return Job(pending with { DueAt = dueAt, Rescheduled = true });
    }

    public async Task CancelAsync(Caller caller, string callId, string reason, CancellationToken cancellationToken)
    {
        ScheduleChanges.RequireSupervisor(caller);
        var why = ScheduleChanges.CheckedReason(reason);
        var pending = await PendingAsync(callId, cancellationToken).ConfigureAwait(false);
        var actor = TicketAccess.ActorOf(caller);
        var change = new SchedulerChange(SqlCallbackJobStore.Prefix + callId, "cancel", actor, time.GetUtcNow(), why, pending.DueAt, null);
        if (!await store.CancelAsync(callId, $"cancelled by {actor}: {why}", change, cancellationToken).ConfigureAwait(false))
        {
            throw NotPending(callId);
        }
    }

    private async Task<CallbackJobRow> PendingAsync(string callId, CancellationToken cancellationToken) =>
        await store.FindAsync(callId, cancellationToken).ConfigureAwait(false) ?? throw NotPending(callId);

    private static TicketRefusedException NotPending(string callId) => new(
        TicketRefusal.FailedPrecondition,
        $"job '{SqlCallbackJobStore.Prefix}{callId}' is not pending: the callback was reached, given up, cancelled or left for an agent, or there is no such request");

    private static ScheduledJob Job(CallbackJobRow row) =>
        new(SqlCallbackJobStore.Prefix + row.CallId, ScheduledJobKind.Callback, null, row.DueAt, null, null, null, row.Rescheduled);
}
