using Hotline.Contracts.Security;

namespace Hotline.Contracts.Tickets.Commands;

/// <summary>Staff merge this ticket, a duplicate, into <see cref="ParentTicketId"/> → MERGED; the parent lists it.</summary>
public sealed record MergeTicket(Caller Caller, string ParentTicketId, string? Reason);
