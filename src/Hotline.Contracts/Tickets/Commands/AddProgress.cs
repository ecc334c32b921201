using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>The lead or an assisting department adds a progress note to a DISPATCHED or CLAIMED ticket.</summary>
[GenerateSerializer]
[Immutable]
public sealed record AddProgress([property: Id(0)] Caller Caller, [property: Id(1)] string Note, [property: Id(2)] string? RequestId = null) : ITicketCommand;
