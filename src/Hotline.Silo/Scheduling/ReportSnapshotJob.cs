using Hotline.Silo.Reports;
using Quartz;

namespace Hotline.Silo.Scheduling;

/// <summary>
/// The report snapshots (the report issue reads them): nightly every closed day without a snapshot is filled;
/// on the first of a month the whole previous month is made complete, so a monthly report never computes from
/// raw records. Never two at once across the cluster.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ReportSnapshotJob(ReportSnapshotFill fill) : IJob
{
    public static readonly JobKey Daily = new("daily", "report-snapshots");

    public static readonly JobKey Monthly = new("monthly", "report-snapshots");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (context.JobDetail.Key.Equals(Monthly))
        {
            var today = fill.Today;
            var first = new DateOnly(today.Year, today.Month, 1);
            await fill.FillMissingAsync(first.AddMonths(-1), first, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await fill.FillClosedDaysAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
