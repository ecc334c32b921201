using Hotline.Contracts.Grains;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;

namespace Hotline.Silo.Organisation;

/// <summary>
/// The running host's way of moving a disabled department's open tickets: each ticket's own grain
/// transfers it to the successor, so the move is a transition in that ticket's history, made by the
/// supervisor who disabled the department. Every ticket is tried; those the rules refuse are named.
/// </summary>
internal sealed class GrainTicketRedispatcher(IGrainFactory grains) : ITicketRedispatcher
{
    private const string StaffPrefix = "staff:";

    public async Task<int> MoveAsync(IReadOnlyList<string> ticketIds, string fromDepartmentId, string toDepartmentId, ChangeContext context,
        CancellationToken cancellationToken)
    {
        var actor = context.Actor.StartsWith(StaffPrefix, StringComparison.Ordinal) ? context.Actor[StaffPrefix.Length..] : context.Actor;
        var caller = new Caller(CallerKind.Staff, actor, StaffRole.Supervisor);
        var problems = new List<DirectoryProblem>();
        var moved = 0;
        foreach (var ticketId in ticketIds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await grains.GetGrain<ITicketGrain>(ticketId).TransferAsync(new TransferTicket(caller, fromDepartmentId, toDepartmentId, context.Reason))
                    .ConfigureAwait(false);
                moved++;
            }
            catch (TicketRefusedException refused)
            {
                problems.Add(new DirectoryProblem(null, fromDepartmentId, "successor", $"ticket {ticketId} could not move: {refused.Message}"));
            }
        }

        return problems.Count > 0 ? throw new DirectoryRefusedException(problems) : moved;
    }
}
