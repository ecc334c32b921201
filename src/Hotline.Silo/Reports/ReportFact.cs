namespace Hotline.Silo.Reports;

/// <summary>One counter increment a ticket's history yields, at the moment it happened.</summary>
/// <param name="DepartmentId">The department it counts for (<see cref="ReportScope.Department"/> facts only).</param>
internal sealed record ReportFact(DateTimeOffset At, ReportMeasure Measure, ReportScope Scope, string? DepartmentId = null);
