namespace Hotline.Silo.Tickets.Events;

/// <summary>
/// A disabled department's successor took over the ticket where the department left it. A lead that had
/// not signed yet hands the successor a fresh sign deadline (<paramref name="SignDeadline"/>, else null);
/// the handling deadline stays, as the caller's wait does not start again.
/// </summary>
/// <param name="ToDepartmentName">The successor's name in the directory at the move; null in events stored before names were recorded.</param>
internal sealed record TicketTransferred(string FromDepartmentId, string ToDepartmentId, string Reason, Deadline? SignDeadline, string? ToDepartmentName = null) : TicketEvent
{
    public override string Type => "transferred";
}
