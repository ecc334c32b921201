namespace Hotline.Silo.Tickets.Events;

internal sealed record TicketClaimed : TicketEvent
{
    public override string Type => "claimed";
}
