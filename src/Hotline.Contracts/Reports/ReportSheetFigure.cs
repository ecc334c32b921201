namespace Hotline.Contracts.Reports;

/// <summary>A report column: field id, Chinese name, how it is computed, whether it is a rate (0–1).</summary>
public sealed record ReportSheetFigure(string Id, string Name, string Definition, bool Percent);
