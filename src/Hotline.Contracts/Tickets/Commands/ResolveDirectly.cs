using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>An agent answers on the spot (直接办结) from CREATED → AWAITING_CALLBACK, or CLOSED for categories needing no callback.</summary>
[GenerateSerializer]
[Immutable]
public sealed record ResolveDirectly([property: Id(0)] Caller Caller, [property: Id(1)] string Answer, [property: Id(2)] string? RequestId = null) : ITicketCommand;
