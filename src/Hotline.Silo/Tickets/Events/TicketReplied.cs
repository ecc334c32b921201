namespace Hotline.Silo.Tickets.Events;

internal sealed record TicketReplied(string Reply) : TicketEvent
{
    public override string Type => "replied";
}
