using Hotline.Contracts.Grains;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Orleans;

namespace Hotline.Silo.Tickets;

/// <summary>
/// Draws an id and creates the ticket on its grain. Ids are unique within a host, so a taken id means another
/// host's counter met this one's in the same second (the store refused the version-0 commit as Aborted):
/// draw again. An Aborted create may also be a concurrent repeat of the same request that won: answer its ticket.
/// </summary>
internal sealed class TicketCreation(IGrainFactory grains, ITicketIds ids, ITicketQueries queries) : ITicketCreation
{
    /// <summary>Each retry needs yet another host's counter to land on the new id in the same second.</summary>
    private const int Attempts = 3;

    public async Task<TicketView> CreateAsync(CreateTicket command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (await EarlierAsync(command, cancellationToken) is { } earlier)
        {
            return earlier;
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await grains.GetGrain<ITicketGrain>(ids.NewId()).CreateAsync(command);
            }
            catch (TicketRefusedException refused) when (refused.Kind == TicketRefusal.Aborted && attempt < Attempts)
            {
                if (await EarlierAsync(command, cancellationToken) is { } winner)
                {
                    return winner;
                }
            }
        }
    }

    /// <summary>AIP-155: the ticket an earlier call with this request id created, as this caller sees it now.</summary>
    private async Task<TicketView?> EarlierAsync(CreateTicket command, CancellationToken cancellationToken)
    {
        if (command.RequestId is not { } requestId
            || await queries.FindCreatedByRequestAsync(command.Caller, requestId, cancellationToken) is not { } ticketId)
        {
            return null;
        }

        return await grains.GetGrain<ITicketGrain>(ticketId).GetAsync(command.Caller);
    }
}
