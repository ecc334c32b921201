namespace Hotline.Silo.Reports;

/// <summary>What a report's rows are broken down by. <see cref="All"/> is the one hotline-wide row (and the trend).</summary>
internal enum ReportDimension
{
    All,
    Department,
    Category,
    District,
    Agent,
    Queue,
}
