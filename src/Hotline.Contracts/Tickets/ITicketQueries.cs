using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets;

/// <summary>Ticket lists for the desks, read from the store's index (not through the grains).</summary>
public interface ITicketQueries
{
    /// <summary>Staff search (agents and supervisors). Refuses departments with PermissionDenied.</summary>
    Task<TicketSearchPage> SearchAsync(Caller caller, TicketSearch search, CancellationToken cancellationToken);

    /// <summary>
    /// The calling department's own tickets (those currently dispatched to it as lead or assisting),
    /// optionally by state, with the caller's phone masked. Refuses staff with PermissionDenied.
    /// </summary>
    Task<TicketSearchPage> ListForDepartmentAsync(Caller caller, IReadOnlyList<TicketState>? states, int pageSize, string? pageToken, CancellationToken cancellationToken);

    /// <summary>The id of the ticket this caller created with this request id (AIP-155), or null when none was.</summary>
    Task<string?> FindCreatedByRequestAsync(Caller caller, string requestId, CancellationToken cancellationToken);
}
