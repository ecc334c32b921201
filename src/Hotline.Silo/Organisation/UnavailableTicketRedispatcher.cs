namespace Hotline.Silo.Organisation;

/// <summary>
/// Where no ticket grain can be reached (the CLI works on the store alone): moving tickets is
/// refused with what to do instead, and nothing changes.
/// </summary>
internal sealed class UnavailableTicketRedispatcher : ITicketRedispatcher
{
    public Task<int> MoveAsync(IReadOnlyList<string> ticketIds, string fromDepartmentId, string toDepartmentId, ChangeContext context,
        CancellationToken cancellationToken) =>
        throw new DirectoryRefusedException(new DirectoryProblem(null, fromDepartmentId, "successor",
            $"{ticketIds.Count} open ticket(s) ({string.Join(", ", ticketIds.Take(5))}{(ticketIds.Count > 5 ? ", …" : "")}) would move to '{toDepartmentId}', "
            + "which needs the ticket engine of a running host; re-dispatch them at a desk first, then disable"));
}
