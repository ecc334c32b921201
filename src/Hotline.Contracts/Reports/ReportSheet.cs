namespace Hotline.Contracts.Reports;

/// <summary>A report as a table: figure definitions (column order), rows, the total and the daily trend.</summary>
/// <param name="Start">First day included, yyyy-MM-dd.</param>
/// <param name="End">Last day included, yyyy-MM-dd.</param>
public sealed record ReportSheet(
    string Start,
    string End,
    string Breakdown,
    IReadOnlyList<ReportSheetFigure> Figures,
    IReadOnlyList<ReportSheetLine> Rows,
    ReportSheetLine Total,
    IReadOnlyList<ReportSheetLine> Trend);
