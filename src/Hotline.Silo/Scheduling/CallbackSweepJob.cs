using Quartz;

namespace Hotline.Silo.Scheduling;

/// <summary>The recurring Quartz job that runs <see cref="CallbackSweep"/>; never two at once across the cluster.</summary>
[DisallowConcurrentExecution]
internal sealed class CallbackSweepJob(CallbackSweep sweep) : IJob
{
    public static readonly JobKey Key = new("callbacks", "sweeps");

    public static readonly TriggerKey TriggerKey = new("callbacks", "sweeps");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweep.RunAsync(cancellationToken).ConfigureAwait(false);
}
