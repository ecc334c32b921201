namespace Hotline.Silo.Tickets.Events;

/// <summary>A supervisor cancelled one of the ticket's scheduled jobs (Supervision.CancelJob): it never fires.</summary>
/// <param name="Job">The job's name within the ticket, e.g. "sign-escalation" or "return-visit".</param>
/// <param name="Before">When it was due.</param>
/// <param name="DeadlineDue">For a deadline alarm: the due time of the deadline it belongs to.</param>
internal sealed record JobCancelled(string Job, DateTimeOffset Before, DateTimeOffset? DeadlineDue, string Reason) : TicketEvent
{
    public override string Type => "job_cancelled";
}
