using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>The lead department signs for (签收) a DISPATCHED ticket → CLAIMED.</summary>
[GenerateSerializer]
[Immutable]
public sealed record ClaimTicket([property: Id(0)] Caller Caller, [property: Id(1)] string? RequestId = null) : ITicketCommand;
