namespace Hotline.Silo.Reports;

/// <summary>How a report's period is given.</summary>
internal enum ReportPeriodKind
{
    Day,

    /// <summary>Monday to Sunday (ISO 8601 weeks).</summary>
    Week,
    Month,

    /// <summary>Any range of whole days, up to <see cref="ReportPeriod.MaxDays"/>.</summary>
    Custom,
}
