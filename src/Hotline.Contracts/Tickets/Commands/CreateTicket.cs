using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>
/// An agent records a citizen's call as a ticket → CREATED. Caller name may be empty (anonymous); address may be empty.
/// <paramref name="RequestId"/> (AIP-155), when set, is stored with the creation so a retry creates nothing.
/// </summary>
[GenerateSerializer]
[Immutable]
public sealed record CreateTicket(
    [property: Id(0)] Caller Caller,
    [property: Id(1)] string CallerPhone,
    [property: Id(2)] string CallerName,
    [property: Id(3)] Category Category,
    [property: Id(4)] string District,
    [property: Id(5)] string Address,
    [property: Id(6)] string Content,
    [property: Id(7)] Urgency Urgency,
    [property: Id(8)] string? RequestId = null) : ITicketCommand;
