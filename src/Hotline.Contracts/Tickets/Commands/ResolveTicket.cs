using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>The lead department replies (办结回复) to a CLAIMED ticket → REPLIED.</summary>
[GenerateSerializer]
[Immutable]
public sealed record ResolveTicket([property: Id(0)] Caller Caller, [property: Id(1)] string Reply, [property: Id(2)] string? RequestId = null) : ITicketCommand;
