namespace Hotline.Silo.Tickets.Events;

/// <summary>How a return-visit call ended: reached (handed to an agent) or not, with the edge's detail (call id or SIP status).</summary>
internal sealed record ReturnVisitEnded(int Attempt, bool Reached, string Reason) : TicketEvent
{
    public override string Type => Reached ? "return_visit_reached" : "return_visit_failed";
}
