using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>Staff merge this ticket, a duplicate, into <see cref="ParentTicketId"/> → MERGED; the parent lists it.</summary>
[GenerateSerializer]
[Immutable]
public sealed record MergeTicket([property: Id(0)] Caller Caller, [property: Id(1)] string ParentTicketId, [property: Id(2)] string? Reason, [property: Id(3)] string? RequestId = null) : ITicketCommand;
