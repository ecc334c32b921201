using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>The lead department returns (退单) a DISPATCHED or CLAIMED ticket within the return window → RETURNED.</summary>
[GenerateSerializer]
[Immutable]
public sealed record ReturnTicket([property: Id(0)] Caller Caller, [property: Id(1)] string Reason, [property: Id(2)] string? RequestId = null) : ITicketCommand;
