using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>
/// An agent records a citizen's call as a ticket → CREATED. Caller name may be empty (anonymous); address may be empty.
/// <paramref name="RequestId"/> (AIP-155), when set, is stored with the creation so a retry creates nothing.
/// </summary>
public sealed record CreateTicket(
    Caller Caller,
    string CallerPhone,
    string CallerName,
    Category Category,
    string District,
    string Address,
    string Content,
    Urgency Urgency,
    string? RequestId = null);
