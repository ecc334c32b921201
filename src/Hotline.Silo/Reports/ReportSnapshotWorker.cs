using Microsoft.Extensions.Options;

namespace Hotline.Silo.Reports;

/// <summary>
/// Fills closed days' snapshots at start and then every <see cref="ReportOptions.FillInterval"/>. Reports fill a
/// missing day on demand too, so this only keeps the first report of a morning fast.
/// </summary>
internal sealed class ReportSnapshotWorker(ReportSnapshotFill fill, IOptions<ReportOptions> options, TimeProvider timeProvider, ILogger<ReportSnapshotWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.FillInterval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var count = await fill.FillClosedDaysAsync(stoppingToken).ConfigureAwait(false);
                if (count > 0)
                {
                    ReportLog.Filled(logger, count);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                ReportLog.FillFailed(logger, exception);
            }

            try
            {
                await Task.Delay(interval, timeProvider, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
