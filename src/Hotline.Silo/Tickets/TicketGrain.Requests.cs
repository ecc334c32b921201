using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Storage;

namespace Hotline.Silo.Tickets;

/// <summary>Client request ids (AIP-155) on changes: a repeat is answered, not applied again.</summary>
internal sealed partial class TicketGrain
{
    /// <summary>
    /// Runs <paramref name="change"/> once per request id: when this caller's request id was already applied
    /// (its key is stored in the transaction that applied it, so also after a lost answer or a crash) the ticket
    /// is answered as it is now, without deciding again, so a retried claim or note neither fails on the state
    /// the first call left nor repeats. Without a request id the change simply runs.
    /// </summary>
    private async Task<TicketView> OnceAsync(ITicketCommand command, Func<TicketRequestKey?, Task<TicketView>> change)
    {
        var key = TicketRequestKey.For(command.Caller, command.RequestId);
        if (key is null)
        {
            return await change(null);
        }

        if (await AnsweredAsync(command, key) is { } earlier)
        {
            return earlier;
        }

        try
        {
            return await change(key);
        }
        catch (TicketRefusedException refused) when (refused.Kind == TicketRefusal.Aborted)
        {
            // Another host applied the same request first (the store refused the second): answer as that one did.
            if (await AnsweredAsync(command, key) is { } winner)
            {
                return winner;
            }

            throw;
        }
    }

    private async Task<TicketView?> AnsweredAsync(ITicketCommand command, TicketRequestKey key)
    {
        var ticketId = await store.FindRequestAsync(key, CancellationToken.None);
        if (ticketId is null)
        {
            return null;
        }

        if (ticketId != Id)
        {
            throw TicketRefusedException.Invalid("request_id", $"was already used by this caller for ticket {ticketId}; send a new id for a new change");
        }

        await ReloadAsync(CancellationToken.None);
        return await GetAsync(command.Caller);
    }
}
