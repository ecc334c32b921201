using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// Puts the recurring jobs in the store when they are absent (never "replace": two clustered hosts that both
/// replace a trigger at start can fire it twice), and adopts a changed interval on an existing trigger.
/// </summary>
internal sealed class SchedulerJobsStartup(ISchedulerFactory factory, IOptions<ScheduleOptions> options, ILogger<SchedulerJobsStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var scheduler = await factory.GetScheduler(cancellationToken).ConfigureAwait(false);
        var interval = options.Value.SweepInterval;
        var trigger = SweepTrigger(interval);
        if (!await scheduler.Exists(AlarmSweepJob.Key, cancellationToken).ConfigureAwait(false))
        {
            var job = JobBuilder.Create<AlarmSweepJob>().WithIdentity(AlarmSweepJob.Key).StoreDurably().Build();
            try
            {
                await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions(), cancellationToken).ConfigureAwait(false);
            }
            catch (ObjectAlreadyExistsException)
            {
                // Another host of the cluster stored it between our check and now: theirs stands.
            }
        }
        else if (await scheduler.GetTrigger(AlarmSweepJob.TriggerKey, cancellationToken).ConfigureAwait(false) is ISimpleTrigger current
            && current.RepeatInterval != interval)
        {
            await scheduler.RescheduleJob(AlarmSweepJob.TriggerKey, trigger, cancellationToken).ConfigureAwait(false);
        }

        SchedulingLog.Scheduled(logger, AlarmSweepJob.Key.ToString(), interval);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Misfire policy of a sweep: one catch-up run at once, then the normal rhythm. Runs missed while every
    /// host was down collapse into that one, which issues every alarm that fell due meanwhile.
    /// </summary>
    private static ITrigger SweepTrigger(TimeSpan interval) => TriggerBuilder.Create()
        .WithIdentity(AlarmSweepJob.TriggerKey)
        .ForJob(AlarmSweepJob.Key)
        .StartNow()
        .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
        .Build();
}
