namespace Hotline.Silo.Tickets.Events;

internal sealed record TicketMerged(string ParentTicketId, string? Reason) : TicketEvent
{
    public override string Type => "merged";
}
