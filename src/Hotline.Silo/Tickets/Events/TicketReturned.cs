namespace Hotline.Silo.Tickets.Events;

internal sealed record TicketReturned(string Reason) : TicketEvent
{
    public override string Type => "returned";
}
