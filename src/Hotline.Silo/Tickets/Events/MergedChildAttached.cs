namespace Hotline.Silo.Tickets.Events;

internal sealed record MergedChildAttached(string ChildTicketId) : TicketEvent
{
    public override string Type => "child_merged";
}
