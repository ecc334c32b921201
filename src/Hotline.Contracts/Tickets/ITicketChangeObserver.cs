namespace Hotline.Contracts.Tickets;

/// <summary>
/// Hears of every ticket change after it is durable (derived, in-memory read models such as the
/// duplicate detector keep in step through it). Called on the ticket's grain, one call at a time
/// per ticket: it must be quick and must not throw.
/// </summary>
public interface ITicketChangeObserver
{
    /// <summary>The ticket as it now stands, unmasked.</summary>
    void OnCommitted(TicketView ticket);
}
