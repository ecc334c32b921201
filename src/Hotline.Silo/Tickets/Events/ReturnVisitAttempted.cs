namespace Hotline.Silo.Tickets.Events;

/// <summary>The scheduler starts return-visit call number <paramref name="Attempt"/>; counted before dialling, so a crash never repeats it early.</summary>
internal sealed record ReturnVisitAttempted(int Attempt) : TicketEvent
{
    public override string Type => "return_visit_attempted";
}
