using Hotline.Contracts.Scheduling;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Silo.Calendar;
using Hotline.Silo.Storage;
using Hotline.Silo.Storage.Sql;
using Hotline.Silo.Tickets;
using Hotline.Silo.Tickets.Alarms;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// The report snapshot jobs as Supervision lists and changes them ("report/daily" at 00:10, "report/monthly" on
/// the 1st at 00:30, calendar time). Each runs on a cron trigger in Quartz's store; a supervisor's move adds a
/// one-off run at the new time and starts the cron after the run it replaces; a cancel drops the next run the
/// same way. Each change is kept in scheduler_changes with who and why. Misfire policy: a run missed while every
/// host was down fires once at start (the fill is idempotent and catches up every missing day).
/// </summary>
internal sealed class ReportSnapshotJobs(IServiceProvider services, WorkCalendar calendar, SqlSchedulerChangeLog log, TimeProvider time)
{
    public const string Prefix = "report/";

    private static readonly (string Name, JobKey Key, string Cron)[] Jobs =
    [
        ("daily", ReportSnapshotJob.Daily, "0 10 0 * * ?"),
        ("monthly", ReportSnapshotJob.Monthly, "0 30 0 1 * ?"),
    ];

    /// <summary>Stores both jobs and their cron triggers when absent (never replaced: see SchedulerJobsStartup).</summary>
    public async Task EnsureAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        foreach (var (_, key, cron) in Jobs)
        {
            if (await scheduler.Exists(key, cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var job = JobBuilder.Create<ReportSnapshotJob>().WithIdentity(key).StoreDurably().Build();
            try
            {
                await scheduler.ScheduleJob(job, CronTrigger(key, cron, null), new ScheduleJobOptions(), cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another host stored it first: theirs stands.
            }
        }
    }

    public async Task<IReadOnlyList<ScheduledJob>> ListAsync(ScheduledJobQuery query, CancellationToken cancellationToken)
    {
        if (Scheduler() is not { } factory)
        {
            return [];
        }

        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var found = new List<ScheduledJob>();
        foreach (var (name, key, _) in Jobs)
        {
            if (await NextAsync(scheduler, key, cancellationToken).ConfigureAwait(false) is { } next
                && (query.From is null || next.At >= query.From) && (query.To is null || next.At < query.To))
            {
                found.Add(new ScheduledJob(Prefix + name, ScheduledJobKind.ReportSnapshot, null, next.At, null, null, null, next.Moved));
            }
        }

        return [.. found.OrderBy(j => j.DueAt)];
    }

    public async Task<ScheduledJob> RescheduleAsync(Caller caller, string name, DateTimeOffset dueAt, string reason, CancellationToken cancellationToken)
    {
        ScheduleChanges.RequireSupervisor(caller);
        var why = ScheduleChanges.CheckedReason(reason);
        var now = time.GetUtcNow();
        ScheduleChanges.CheckDueAt(dueAt, now);
        var (scheduler, key, cron) = await PendingAsync(name, cancellationToken).ConfigureAwait(false);
        var before = await NextAsync(scheduler, key, cancellationToken).ConfigureAwait(false) ?? throw NotPending(name);
        await SkipNextAsync(scheduler, key, cron, before, cancellationToken).ConfigureAwait(false);
        await scheduler.ScheduleTrigger(OneOff(key, dueAt), TriggerConflict.Replace, cancellationToken).ConfigureAwait(false);
        await log.AppendAsync(new SchedulerChange(Prefix + name, "reschedule", TicketAccess.ActorOf(caller), now, why, before.At, dueAt), cancellationToken).ConfigureAwait(false);
        return new ScheduledJob(Prefix + name, ScheduledJobKind.ReportSnapshot, null, dueAt, null, null, null, true);
    }

    public async Task CancelAsync(Caller caller, string name, string reason, CancellationToken cancellationToken)
    {
        ScheduleChanges.RequireSupervisor(caller);
        var why = ScheduleChanges.CheckedReason(reason);
        var (scheduler, key, cron) = await PendingAsync(name, cancellationToken).ConfigureAwait(false);
        var before = await NextAsync(scheduler, key, cancellationToken).ConfigureAwait(false) ?? throw NotPending(name);
        await SkipNextAsync(scheduler, key, cron, before, cancellationToken).ConfigureAwait(false);
        await log.AppendAsync(new SchedulerChange(Prefix + name, "cancel", TicketAccess.ActorOf(caller), time.GetUtcNow(), why, before.At, null), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The next run drops out: a moved one-off run is removed; otherwise the cron starts after its next fire.</summary>
    private async Task SkipNextAsync(IScheduler scheduler, JobKey key, string cron, (DateTimeOffset At, bool Moved) next, CancellationToken cancellationToken)
    {
        var moved = MovedKey(key);
        if (next.Moved)
        {
            await scheduler.UnscheduleJob(moved, cancellationToken).ConfigureAwait(false);
            return;
        }

        await scheduler.RescheduleJob(CronKey(key), CronTrigger(key, cron, next.At.AddSeconds(1)), cancellationToken).ConfigureAwait(false);
    }

    private async Task<(IScheduler Scheduler, JobKey Key, string Cron)> PendingAsync(string name, CancellationToken cancellationToken)
    {
        var job = Jobs.FirstOrDefault(j => j.Name == name);
        if (job.Key is null)
        {
            throw TicketRefusedException.Invalid("job_id", "names no report snapshot job (report/daily or report/monthly)");
        }

        if (Scheduler() is not { } factory)
        {
            throw NotPending(name);
        }

        return (await factory.GetScheduler(cancellationToken).ConfigureAwait(false), job.Key, job.Cron);
    }

    private static async Task<(DateTimeOffset At, bool Moved)?> NextAsync(IScheduler scheduler, JobKey key, CancellationToken cancellationToken)
    {
        (DateTimeOffset At, bool Moved)? next = null;
        foreach (var triggerKey in new[] { CronKey(key), MovedKey(key) })
        {
            if (await scheduler.GetTrigger(triggerKey, cancellationToken).ConfigureAwait(false) is { NextFireTimeUtc: { } at }
                && (next is null || at < next.Value.At))
            {
                next = (at, triggerKey.Equals(MovedKey(key)));
            }
        }

        return next;
    }

    // Quartz runs only when Schedule:Enabled; without it there is nothing to list or change.
    private ISchedulerFactory? Scheduler() => services.GetService<ISchedulerFactory>();

    private ITrigger CronTrigger(JobKey key, string cron, DateTimeOffset? startAt) => BuildCron(key, cron, startAt, calendar.TimeZone);

    private static ITrigger BuildCron(JobKey key, string cron, DateTimeOffset? startAt, TimeZoneInfo zone)
    {
        var builder = TriggerBuilder.Create().WithIdentity(CronKey(key)).ForJob(key)
            .WithCronSchedule(cron, c => c.InTimeZone(zone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed));
        return (startAt is { } at ? builder.StartAt(at) : builder.StartNow()).Build();
    }

    private static ITrigger OneOff(JobKey key, DateTimeOffset at) => TriggerBuilder.Create().WithIdentity(MovedKey(key)).ForJob(key)
        .StartAt(at).WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow)).Build();

    private static TriggerKey CronKey(JobKey key) => new(key.Name + "-cron", key.Group);

    private static TriggerKey MovedKey(JobKey key) => new(key.Name + "-moved", key.Group);

    private static TicketRefusedException NotPending(string name) =>
        new(TicketRefusal.FailedPrecondition, $"job '{Prefix}{name}' is not pending: the scheduler is off (Schedule:Enabled) or it has no next run");
}
