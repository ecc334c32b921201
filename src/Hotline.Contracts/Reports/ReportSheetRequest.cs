namespace Hotline.Contracts.Reports;

/// <summary>What report to compute; empty fields take their defaults (today's day, the category breakdown).</summary>
public sealed record ReportSheetRequest(string? Period, string? Date, string? From, string? To, string? Breakdown);
