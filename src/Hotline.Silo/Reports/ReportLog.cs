using Microsoft.Extensions.Logging;

namespace Hotline.Silo.Reports;

/// <summary>Log messages of the reports (event ids 6100–6199).</summary>
internal static partial class ReportLog
{
    [LoggerMessage(6100, LogLevel.Information, "Filled {Count} daily report snapshots")]
    public static partial void Filled(ILogger logger, int count);

    [LoggerMessage(6101, LogLevel.Warning, "Filling daily report snapshots failed; the next run tries again")]
    public static partial void FillFailed(ILogger logger, Exception exception);
}
