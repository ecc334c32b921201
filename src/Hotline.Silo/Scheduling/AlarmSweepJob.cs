using Quartz;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// The recurring Quartz job that runs <see cref="AlarmSweep"/>. Never two at once, across the whole cluster
/// (Quartz holds the job's lock in the shared store), so a slow sweep is not overtaken by the next.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class AlarmSweepJob(AlarmSweep sweep) : IJob
{
    public static readonly JobKey Key = new("deadline-alarms", "sweeps");

    public static readonly TriggerKey TriggerKey = new("deadline-alarms", "sweeps");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweep.RunAsync(cancellationToken).ConfigureAwait(false);
}
