using Hotline.Contracts.Tickets;

namespace Hotline.Silo.Tickets.Events;

internal sealed record TicketCreated(
    string CallerPhone,
    string CallerName,
    Category Category,
    string District,
    string Address,
    string Content,
    Urgency Urgency) : TicketEvent
{
    public override string Type => "created";
}
