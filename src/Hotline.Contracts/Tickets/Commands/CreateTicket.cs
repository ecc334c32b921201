using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>An agent records a citizen's call as a ticket → CREATED. Caller name may be empty (anonymous); address may be empty.</summary>
public sealed record CreateTicket(
    Caller Caller,
    string CallerPhone,
    string CallerName,
    Category Category,
    string District,
    string Address,
    string Content,
    Urgency Urgency);
