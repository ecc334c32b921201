namespace Hotline.Silo.Reports;

/// <summary>
/// A finished report: rows by the breakdown (ranked by the 三率 score for departments, else by key), the total,
/// and the day-by-day trend of the total. The page draws its charts from exactly these rows.
/// </summary>
/// <param name="Total">The hotline-wide row; null for a department's own view.</param>
internal sealed record Report(
    ReportPeriod Period,
    ReportDimension Breakdown,
    IReadOnlyList<ReportRow> Rows,
    ReportRow? Total,
    IReadOnlyList<ReportRow> Trend,
    ThreeRateWeights Weights);
