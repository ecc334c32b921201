namespace Hotline.Silo.Reports;

/// <summary>
/// Whom a ticket fact counts for. A ticket returned by one department and dispatched to another is one
/// dispatched ticket for the hotline but one dispatch for each department, so the two scopes are counted apart.
/// </summary>
internal enum ReportScope
{
    /// <summary>Counted once per ticket: the hotline-wide row and the category, district and agent breakdowns.</summary>
    Ticket,

    /// <summary>Counted once per ticket and department: the department breakdown.</summary>
    Department,
}
