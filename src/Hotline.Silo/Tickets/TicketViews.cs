using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;

namespace Hotline.Silo.Tickets;

/// <summary>Turns state into the view a desk shows, computing deadline statuses at the moment of reading.</summary>
internal sealed class TicketViews(TicketRules rules)
{
    /// <summary>The view for this caller: departments get the caller's phone masked.</summary>
    public TicketView For(TicketGrainState state, Caller caller, DateTimeOffset now)
    {
        var view = Full(state, now);
        return caller.Kind == CallerKind.Department ? view.ForDepartment() : view;
    }

    public TicketView Full(TicketGrainState s, DateTimeOffset now)
    {
        // Signing is pending only while DISPATCHED; handling runs until the department replies.
        var signing = s.State == TicketState.Dispatched ? s.SignDeadline : null;
        var handling = s.State is TicketState.Dispatched or TicketState.Claimed ? s.HandleDeadline : null;
        return new TicketView(
            s.Id,
            s.State,
            s.CallerPhone,
            s.CallerName,
            s.Category,
            s.District,
            s.Address,
            s.Content,
            s.Urgency,
            s.LeadDepartmentId,
            s.AssistingDepartmentIds,
            s.Instructions,
            s.DispatchCount,
            rules.Dispatch.NeedsDesignation(s),
            s.Designated,
            s.DispatchedAt,
            s.SignDeadline?.Due,
            Status(signing, now),
            s.HandleDeadline?.Due,
            Status(handling, now),
            s.PendingExtension,
            s.Answer,
            s.Reply,
            s.Callback,
            s.ParentTicketId,
            s.MergedChildIds,
            s.Progress,
            s.CreatedAt,
            s.UpdatedAt,
            s.Version,
            s.LeadDepartmentId is { } lead ? s.DepartmentNames?.GetValueOrDefault(lead) : null,
            [.. s.AssistingDepartmentIds.Select(id => s.DepartmentNames?.GetValueOrDefault(id) ?? "")]);
    }

    private DeadlineStatus Status(Deadline? deadline, DateTimeOffset now) =>
        deadline is null ? DeadlineStatus.None : rules.Deadlines.StatusAt(deadline, now);
}
