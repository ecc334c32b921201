using Hotline.Contracts.Reports;

namespace Hotline.Silo.Reports;

/// <summary><see cref="IReportSource"/> over <see cref="ReportService"/>, for the gRPC Supervision service (supervisors: every row).</summary>
internal sealed class ReportSourceAdapter(ReportService reports) : IReportSource
{
    public async Task<ReportSheet> GetReportAsync(ReportSheetRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Report report;
        try
        {
            var period = ReportPeriod.Parse(request.Period, request.Date, request.From, request.To, reports.Today);
            var breakdown = ReportEndpoints.ParseBreakdown(request.Breakdown, ReportDimension.Category);
            report = await reports.GetAsync(period, breakdown, null, cancellationToken).ConfigureAwait(false);
        }
        catch (ReportRequestException error)
        {
            throw new ArgumentException(error.Message, error.Field, error);
        }

        return new ReportSheet(
            report.Period.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            report.Period.End.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ReportSnapshotStore.Dimension(report.Breakdown),
            [.. ReportDefinitions.All.Select(d => new ReportSheetFigure(d.Id, d.Name, d.Definition, d.Percent))],
            [.. report.Rows.Select(Line)],
            Line(report.Total!),
            [.. report.Trend.Select(Line)]);
    }

    private static ReportSheetLine Line(ReportRow row) => new(row.Key, row.Figures);
}
