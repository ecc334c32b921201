namespace Hotline.Silo.Storage;

/// <summary>
/// One row of scheduler_changes: a supervisor moved ("reschedule") or cancelled ("cancel") a scheduled job.
/// Written in the same transaction as the ticket commit that carries it.
/// </summary>
/// <param name="JobKey">The job's id, e.g. "ticket/20261207-101500-123456/handle-overdue".</param>
/// <param name="BeforeAt">When it was due.</param>
/// <param name="AfterAt">When it is due now; null when cancelled.</param>
internal sealed record SchedulerChange(string JobKey, string Action, string Actor, DateTimeOffset At, string Reason, DateTimeOffset BeforeAt, DateTimeOffset? AfterAt);
