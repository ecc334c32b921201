using Hotline.Contracts.Tickets;

namespace Hotline.Silo.Tickets.Events;

/// <param name="To">AWAITING_CALLBACK, or CLOSED for a category that needs no callback.</param>
internal sealed record TicketResolvedDirectly(string Answer, TicketState To) : TicketEvent
{
    public override string Type => "resolved_directly";
}
