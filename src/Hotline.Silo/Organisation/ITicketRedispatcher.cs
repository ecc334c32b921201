namespace Hotline.Silo.Organisation;

/// <summary>
/// The port through which disabling a department moves its open tickets to the named successor.
/// Each move is a re-dispatch of the ticket by its grain, so it lands in the ticket's own history;
/// the directory cannot do that itself. The host wires the ticket grains in when they can take it
/// (the Administration service); until then <see cref="UnavailableTicketRedispatcher"/> refuses.
/// </summary>
internal interface ITicketRedispatcher
{
    /// <summary>Re-dispatches each ticket from one department to the other; returns how many moved.</summary>
    /// <exception cref="DirectoryRefusedException">The tickets cannot be moved from here.</exception>
    Task<int> MoveAsync(IReadOnlyList<string> ticketIds, string fromDepartmentId, string toDepartmentId, ChangeContext context,
        CancellationToken cancellationToken);
}
