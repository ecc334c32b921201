using Hotline.Contracts.Tickets.Commands;

namespace Hotline.Contracts.Tickets;

/// <summary>
/// Creates tickets under fresh ids from <see cref="ITicketIds"/>. The one place that retries the rare id
/// collision between hosts sharing a database, and that answers a repeated request id (AIP-155) with the
/// ticket the first call created instead of creating another.
/// </summary>
public interface ITicketCreation
{
    /// <summary>Creates the ticket; refused as <c>ITicketGrain.CreateAsync</c> refuses it.</summary>
    Task<TicketView> CreateAsync(CreateTicket command, CancellationToken cancellationToken);
}
