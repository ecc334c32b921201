namespace Hotline.Contracts.Reports;

/// <summary>
/// The host's reports, for surfaces that cannot reference the host (the gRPC Supervision service): the same
/// figures as /api/reports, for supervisors (every row).
/// </summary>
public interface IReportSource
{
    /// <summary>
    /// The report for a period (day|week|month|custom with date or from/to, yyyy-MM-dd) by a breakdown
    /// (department|category|district|agent|queue).
    /// </summary>
    /// <exception cref="ArgumentException">A field is wrong; <see cref="ArgumentException.ParamName"/> names it.</exception>
    Task<ReportSheet> GetReportAsync(ReportSheetRequest request, CancellationToken cancellationToken);
}
