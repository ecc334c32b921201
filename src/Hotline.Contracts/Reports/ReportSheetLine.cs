namespace Hotline.Contracts.Reports;

/// <summary>One report row; <see cref="Values"/> follow <see cref="ReportSheet.Figures"/>, null where a rate has no denominator.</summary>
public sealed record ReportSheetLine(string Key, IReadOnlyList<double?> Values);
