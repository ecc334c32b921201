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
/// <param name="LeadDepartmentName">The lead department's name when the ticket was sent to it (kept after a rename or disabling);
/// null before dispatch and for dispatches recorded before names were kept.</param>
/// <param name="AssistingDepartmentNames">The assisting departments' names likewise, in the order of <paramref name="AssistingDepartmentIds"/>; "" where unknown.</param>
[GenerateSerializer]
[Immutable]
public sealed record TicketView(
    [property: Id(0)] string Id,
    [property: Id(1)] TicketState State,
    [property: Id(2)] string CallerPhone,
    [property: Id(3)] string CallerName,
    [property: Id(4)] Category Category,
    [property: Id(5)] string District,
    [property: Id(6)] string Address,
    [property: Id(7)] string Content,
    [property: Id(8)] Urgency Urgency,
    [property: Id(9)] string? LeadDepartmentId,
    [property: Id(10)] IReadOnlyList<string> AssistingDepartmentIds,
    [property: Id(11)] string? Instructions,
    [property: Id(12)] int DispatchCount,
    [property: Id(13)] bool NeedsDesignation,
    [property: Id(14)] bool Designated,
    [property: Id(15)] DateTimeOffset? DispatchedAt,
    [property: Id(16)] DateTimeOffset? SignDeadline,
    [property: Id(17)] DeadlineStatus SignStatus,
    [property: Id(18)] DateTimeOffset? HandleDeadline,
    [property: Id(19)] DeadlineStatus HandleStatus,
    [property: Id(20)] ExtensionRequest? PendingExtension,
    [property: Id(21)] string? Answer,
    [property: Id(22)] string? Reply,
    [property: Id(23)] CallbackResult? Callback,
    [property: Id(24)] string? ParentTicketId,
    [property: Id(25)] IReadOnlyList<string> MergedChildIds,
    [property: Id(26)] IReadOnlyList<ProgressNote> Progress,
    [property: Id(27)] DateTimeOffset CreatedAt,
    [property: Id(28)] DateTimeOffset UpdatedAt,
    [property: Id(29)] long Version,
    [property: Id(30)] string? LeadDepartmentName,
    [property: Id(31)] IReadOnlyList<string> AssistingDepartmentNames)
{
    /// <summary>The view a handling department may see: the caller's phone masked.</summary>
    public TicketView ForDepartment() => this with { CallerPhone = PhoneMask.Mask(CallerPhone) };
}
