namespace Hotline.Silo.Tickets.Events;

internal sealed record ReplyReviewed(bool Approved, string? Reason) : TicketEvent
{
    public override string Type => Approved ? "reply_approved" : "reply_rejected";
}
