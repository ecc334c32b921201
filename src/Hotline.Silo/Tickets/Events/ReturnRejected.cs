namespace Hotline.Silo.Tickets.Events;

/// <summary>The hotline refused a return: the same department has the ticket again and must sign anew.</summary>
internal sealed record ReturnRejected(string Reason, Deadline SignDeadline) : TicketEvent
{
    public override string Type => "return_rejected";
}
