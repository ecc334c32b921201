namespace Hotline.Silo.Tickets.Events;

/// <summary>Every return-visit attempt failed to reach the citizen (no answer is recorded, and counted in reports).</summary>
internal sealed record ReturnVisitUnanswered(int Attempts) : TicketEvent
{
    public override string Type => "return_visit_unanswered";
}
