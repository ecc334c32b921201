namespace Hotline.Silo.Reports;

/// <summary>A figure's names and how it is computed, as the page, the exports and README state it.</summary>
/// <param name="Id">The JSON/CSV field name.</param>
/// <param name="Name">The Chinese column title.</param>
/// <param name="Percent">Whether it is a rate (0–1, shown as a percentage).</param>
internal sealed record ReportDefinition(ReportFigure Figure, string Id, string Name, string Definition, bool Percent);
