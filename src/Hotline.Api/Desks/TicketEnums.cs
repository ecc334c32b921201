using Hotline.Contracts.Tickets;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Desks;

/// <summary>
/// Domain enums to wire enums and back. Wire value 0 (UNSPECIFIED) never maps to a domain value:
/// a request that leaves a required enum unset is refused by the caller of <see cref="FromMessage(V1.Category)"/> and friends.
/// </summary>
internal static class TicketEnums
{
    public static V1.TicketState ToMessage(TicketState state) => state switch
    {
        TicketState.Created => V1.TicketState.Created,
        TicketState.Dispatched => V1.TicketState.Dispatched,
        TicketState.Claimed => V1.TicketState.Claimed,
        TicketState.Returned => V1.TicketState.Returned,
        TicketState.Replied => V1.TicketState.Replied,
        TicketState.AwaitingCallback => V1.TicketState.AwaitingCallback,
        TicketState.Reopened => V1.TicketState.Reopened,
        TicketState.Closed => V1.TicketState.Closed,
        TicketState.Merged => V1.TicketState.Merged,
        _ => V1.TicketState.Unspecified,
    };

    public static TicketState? FromMessage(V1.TicketState state) => state switch
    {
        V1.TicketState.Created => TicketState.Created,
        V1.TicketState.Dispatched => TicketState.Dispatched,
        V1.TicketState.Claimed => TicketState.Claimed,
        V1.TicketState.Returned => TicketState.Returned,
        V1.TicketState.Replied => TicketState.Replied,
        V1.TicketState.AwaitingCallback => TicketState.AwaitingCallback,
        V1.TicketState.Reopened => TicketState.Reopened,
        V1.TicketState.Closed => TicketState.Closed,
        V1.TicketState.Merged => TicketState.Merged,
        _ => null,
    };

    public static V1.Category ToMessage(Category category) => category switch
    {
        Category.Consultation => V1.Category.Consultation,
        Category.Help => V1.Category.HelpRequest,
        Category.Complaint => V1.Category.Complaint,
        Category.Report => V1.Category.Report,
        Category.Suggestion => V1.Category.Suggestion,
        Category.Praise => V1.Category.Praise,
        _ => V1.Category.Unspecified,
    };

    public static Category? FromMessage(V1.Category category) => category switch
    {
        V1.Category.Consultation => Category.Consultation,
        V1.Category.HelpRequest => Category.Help,
        V1.Category.Complaint => Category.Complaint,
        V1.Category.Report => Category.Report,
        V1.Category.Suggestion => Category.Suggestion,
        V1.Category.Praise => Category.Praise,
        _ => null,
    };

    public static V1.Urgency ToMessage(Urgency urgency) => urgency switch
    {
        Urgency.Normal => V1.Urgency.Normal,
        Urgency.Utility => V1.Urgency.Utility,
        Urgency.Emergency => V1.Urgency.Emergency,
        _ => V1.Urgency.Unspecified,
    };

    public static Urgency? FromMessage(V1.Urgency urgency) => urgency switch
    {
        V1.Urgency.Normal => Urgency.Normal,
        V1.Urgency.Utility => Urgency.Utility,
        V1.Urgency.Emergency => Urgency.Emergency,
        _ => null,
    };

    public static V1.Satisfaction ToMessage(Satisfaction satisfaction) => satisfaction switch
    {
        Satisfaction.Satisfied => V1.Satisfaction.Satisfied,
        Satisfaction.BasicallySatisfied => V1.Satisfaction.BasicallySatisfied,
        Satisfaction.Unsatisfied => V1.Satisfaction.Unsatisfied,
        Satisfaction.Unreachable => V1.Satisfaction.Unreachable,
        _ => V1.Satisfaction.Unspecified,
    };

    public static Satisfaction? FromMessage(V1.Satisfaction satisfaction) => satisfaction switch
    {
        V1.Satisfaction.Satisfied => Satisfaction.Satisfied,
        V1.Satisfaction.BasicallySatisfied => Satisfaction.BasicallySatisfied,
        V1.Satisfaction.Unsatisfied => Satisfaction.Unsatisfied,
        V1.Satisfaction.Unreachable => Satisfaction.Unreachable,
        _ => null,
    };

    public static V1.DeadlineStatus ToMessage(DeadlineStatus status) => status switch
    {
        DeadlineStatus.OnTime => V1.DeadlineStatus.OnTime,
        DeadlineStatus.Warning => V1.DeadlineStatus.Warning,
        DeadlineStatus.Overdue => V1.DeadlineStatus.Overdue,
        _ => V1.DeadlineStatus.Unspecified,
    };

    /// <summary>History entries carry the stored event type; an unknown type reads as UNSPECIFIED rather than failing the call.</summary>
    public static V1.HistoryAction ToHistoryAction(string eventType) => eventType switch
    {
        "created" => V1.HistoryAction.Created,
        "resolved_directly" => V1.HistoryAction.ResolvedDirectly,
        "dispatched" => V1.HistoryAction.Dispatched,
        "designated" => V1.HistoryAction.DepartmentDesignated,
        "claimed" => V1.HistoryAction.Claimed,
        "returned" => V1.HistoryAction.Returned,
        "return_rejected" => V1.HistoryAction.ReturnRejected,
        "extension_requested" => V1.HistoryAction.ExtensionRequested,
        "extension_approved" => V1.HistoryAction.ExtensionApproved,
        "extension_denied" => V1.HistoryAction.ExtensionDenied,
        "progress_added" => V1.HistoryAction.ProgressAdded,
        "replied" => V1.HistoryAction.Replied,
        "reply_approved" => V1.HistoryAction.ReplyApproved,
        "reply_rejected" => V1.HistoryAction.ReplyRejected,
        "callback_recorded" => V1.HistoryAction.CallbackRecorded,
        "merged" => V1.HistoryAction.Merged,
        "child_merged" => V1.HistoryAction.ChildMerged,
        _ => V1.HistoryAction.Unspecified,
    };
}
