namespace Hotline.Contracts.Tickets;

/// <summary>
/// Everything a desk shows about a ticket. Deadline statuses are computed when the view is made.
/// Departments get <see cref="ForDepartment"/>'s copy, with the caller's phone masked.
/// </summary>
/// <param name="Id">Ticket id, e.g. "20261122-093015-482913".</param>
/// <param name="LeadDepartmentId">The department in charge (主办), null before the first dispatch.</param>
/// <param name="AssistingDepartmentIds">Departments that assist (协办): they may add progress, not resolve.</param>
/// <param name="DispatchCount">Dispatches since the last time a department signed for the ticket.</param>
/// <param name="NeedsDesignation">Set after too many dispatches without a settled department: only a supervisor may designate one.</param>
/// <param name="Designated">The lead department was designated by a supervisor and may not return the ticket.</param>
/// <param name="Answer">The agent's answer when resolved on the spot (直接办结).</param>
/// <param name="Reply">The lead department's reply (办结回复).</param>
/// <param name="ParentTicketId">For a merged duplicate: the ticket it was merged into.</param>
/// <param name="MergedChildIds">Duplicates merged into this ticket.</param>
/// <param name="Version">Number of events in the ticket's history.</param>
public sealed record TicketView(
    string Id,
    TicketState State,
    string CallerPhone,
    string CallerName,
    Category Category,
    string District,
    string Address,
    string Content,
    Urgency Urgency,
    string? LeadDepartmentId,
    IReadOnlyList<string> AssistingDepartmentIds,
    string? Instructions,
    int DispatchCount,
    bool NeedsDesignation,
    bool Designated,
    DateTimeOffset? DispatchedAt,
    DateTimeOffset? SignDeadline,
    DeadlineStatus SignStatus,
    DateTimeOffset? HandleDeadline,
    DeadlineStatus HandleStatus,
    ExtensionRequest? PendingExtension,
    string? Answer,
    string? Reply,
    CallbackResult? Callback,
    string? ParentTicketId,
    IReadOnlyList<string> MergedChildIds,
    IReadOnlyList<ProgressNote> Progress,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    /// <summary>The view a handling department may see: the caller's phone masked.</summary>
    public TicketView ForDepartment() => this with { CallerPhone = PhoneMask.Mask(CallerPhone) };
}
