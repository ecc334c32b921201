using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Hotline.Silo.Storage;

namespace Hotline.Silo.Tickets;

/// <summary>Client request ids (AIP-155) on changes: a repeat is answered, not applied again.</summary>
internal sealed class TicketRequestGate(ITicketStore store)
{
    /// <summary>
    /// Runs <paramref name="change"/> once per request id: when this caller's request id was already applied
    /// (its key is stored in the transaction that applied it, so also after a lost answer or a crash) the ticket
    /// is answered as it is now by <paramref name="answerNow"/>, without deciding again, so a retried claim or
    /// note neither fails on the state the first call left nor repeats. Without a request id the change simply runs.
    /// </summary>
    public async Task<TicketView> OnceAsync(
        string ticketId, ITicketCommand command, Func<TicketRequestKey?, Task<TicketView>> change, Func<Task<TicketView>> answerNow)
    {
        var key = TicketRequestKey.For(command.Caller, command.RequestId);
        if (key is null)
        {
            return await change(null);
        }

        if (await AppliedAsync(ticketId, key))
        {
            return await answerNow();
        }

        try
        {
            return await change(key);
        }
        catch (TicketRefusedException refused) when (refused.Kind == TicketRefusal.Aborted)
        {
            // Another host applied the same request first (the store refused the second): answer as that one did.
            if (await AppliedAsync(ticketId, key))
            {
                return await answerNow();
            }

            throw;
        }
    }

    /// <summary>Whether the request was applied to this ticket; a request id already spent on another ticket is refused.</summary>
    private async Task<bool> AppliedAsync(string ticketId, TicketRequestKey key)
    {
        var appliedTo = await store.FindRequestAsync(key, CancellationToken.None);
        if (appliedTo is null)
        {
            return false;
        }

        if (appliedTo != ticketId)
        {
            throw TicketRefusedException.Invalid("request_id", $"was already used by this caller for ticket {appliedTo}; send a new id for a new change");
        }

        return true;
    }
}
