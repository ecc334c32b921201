using Hotline.Api.V1;

namespace Hotline.Silo.Tests.EndToEnd;

/// <summary>A transition the host answered OK: the ticket's version and state in the answer, and the history action it must have left.</summary>
internal sealed record AcknowledgedTransition(string TicketId, long Version, TicketState State, HistoryAction Action)
{
    public static AcknowledgedTransition Of(Ticket ticket, HistoryAction action) => new(ticket.TicketId, ticket.Version, ticket.State, action);
}
