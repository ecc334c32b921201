using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// Puts the recurring jobs (the deadline sweep, the callback sweep, the report snapshots) in the store when they are absent (never
/// "replace": two clustered hosts that both replace a trigger at start can fire it twice), and adopts a
/// changed interval on an existing trigger.
/// </summary>
internal sealed class SchedulerJobsStartup(ISchedulerFactory factory, IOptions<ScheduleOptions> options, ReportSnapshotJobs reports, ILogger<SchedulerJobsStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var interval = options.Value.SweepInterval;
        await EnsureAsync<AlarmSweepJob>(scheduler, AlarmSweepJob.Key, AlarmSweepJob.TriggerKey, interval, cancellationToken).ConfigureAwait(false);
        await EnsureAsync<CallbackSweepJob>(scheduler, CallbackSweepJob.Key, CallbackSweepJob.TriggerKey, interval, cancellationToken).ConfigureAwait(false);
        await reports.EnsureAsync(scheduler, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task EnsureAsync<TJob>(IScheduler scheduler, JobKey key, TriggerKey triggerKey, TimeSpan interval, CancellationToken cancellationToken)
        where TJob : IJob
    {
        var trigger = SweepTrigger(key, triggerKey, interval);
        if (!await scheduler.Exists(key, cancellationToken).ConfigureAwait(false))
        {
            var job = JobBuilder.Create<TJob>().WithIdentity(key).StoreDurably().Build();
            try
            {
                await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions(), cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another host of the cluster stored it between our check and now: theirs stands.
            }
        }
        else if (await scheduler.GetTrigger(triggerKey, cancellationToken).ConfigureAwait(false) is ISimpleTrigger current
            && current.RepeatInterval != interval)
        {
            await scheduler.RescheduleJob(triggerKey, trigger, cancellationToken).ConfigureAwait(false);
        }

        SchedulingLog.Scheduled(logger, key.ToString(), interval);
    }

    /// <summary>
    /// Misfire policy of a sweep: one catch-up run at once, then the normal rhythm. Runs missed while every
    /// host was down collapse into that one, which handles everything that fell due meanwhile.
    /// </summary>
    private static ITrigger SweepTrigger(JobKey key, TriggerKey triggerKey, TimeSpan interval) => TriggerBuilder.Create()
        .WithIdentity(triggerKey)
        .ForJob(key)
        .StartNow()
        .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
        .Build();
}
