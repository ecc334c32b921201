namespace Hotline.Silo.Tickets.Events;

/// <summary>Sent to a lead department (and assisting ones) by dispatch, re-dispatch after a return, or designation.</summary>
internal sealed record TicketDispatched(
    string LeadDepartmentId,
    IReadOnlyList<string> AssistingDepartmentIds,
    string? Instructions,
    bool Designated,
    Deadline SignDeadline,
    Deadline HandleDeadline,
    string? Reason) : TicketEvent
{
    public override string Type => Designated ? "designated" : "dispatched";
}
