namespace Hotline.Silo.Tickets.Events;

/// <summary>Sent to a lead department (and assisting ones) by dispatch, re-dispatch after a return, or designation.</summary>
/// <param name="LeadDepartmentName">The lead's name in the directory at dispatch, kept when the department is later renamed
/// or disabled; null in events stored before names were recorded.</param>
/// <param name="AssistingDepartmentNames">The assisting departments' names at dispatch, in the order of their ids; null likewise.</param>
internal sealed record TicketDispatched(
    string LeadDepartmentId,
    IReadOnlyList<string> AssistingDepartmentIds,
    string? Instructions,
    bool Designated,
    Deadline SignDeadline,
    Deadline HandleDeadline,
    string? Reason,
    string? LeadDepartmentName = null,
    IReadOnlyList<string>? AssistingDepartmentNames = null) : TicketEvent
{
    public override string Type => Designated ? "designated" : "dispatched";
}
