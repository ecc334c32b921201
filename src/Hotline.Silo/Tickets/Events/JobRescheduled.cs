namespace Hotline.Silo.Tickets.Events;

/// <summary>A supervisor moved one of the ticket's scheduled jobs (Supervision.RescheduleJob).</summary>
/// <param name="Job">The job's name within the ticket, e.g. "handle-overdue" or "return-visit".</param>
/// <param name="Before">When it was due before.</param>
/// <param name="After">When it is due now.</param>
/// <param name="DeadlineDue">For a deadline alarm: the due time of the deadline it belongs to.</param>
internal sealed record JobRescheduled(string Job, DateTimeOffset Before, DateTimeOffset After, DateTimeOffset? DeadlineDue, string Reason) : TicketEvent
{
    public override string Type => "job_rescheduled";
}
