using Hotline.Contracts.Tickets;
using Riok.Mapperly.Abstractions;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Desks;

/// <summary>
/// Domain enums to wire enums and back, by name (Mapperly). Wire value 0 (UNSPECIFIED) never maps to a
/// domain value: <see cref="FromMessage(V1.Category)"/> and friends answer null for it, and for numbers the
/// proto does not define, so the caller refuses a required field that is unset or unknown.
/// </summary>
[Mapper(EnumMappingStrategy = EnumMappingStrategy.ByName)]
internal static partial class TicketEnums
{
    [MapperIgnoreTargetValue(V1.TicketState.Unspecified)]
    public static partial V1.TicketState ToMessage(TicketState state);

    [MapperIgnoreTargetValue(V1.Category.Unspecified)]
    [MapEnumValue(Category.Help, V1.Category.HelpRequest)]
    public static partial V1.Category ToMessage(Category category);

    [MapperIgnoreTargetValue(V1.Urgency.Unspecified)]
    public static partial V1.Urgency ToMessage(Urgency urgency);

    [MapperIgnoreTargetValue(V1.Satisfaction.Unspecified)]
    public static partial V1.Satisfaction ToMessage(Satisfaction satisfaction);

    [MapEnumValue(DeadlineStatus.None, V1.DeadlineStatus.Unspecified)]
    public static partial V1.DeadlineStatus ToMessage(DeadlineStatus status);

    public static TicketState? FromMessage(V1.TicketState state) => Known(state) ? ToDomain(state) : null;

    public static Category? FromMessage(V1.Category category) => Known(category) ? ToDomain(category) : null;

    public static Urgency? FromMessage(V1.Urgency urgency) => Known(urgency) ? ToDomain(urgency) : null;

    public static Satisfaction? FromMessage(V1.Satisfaction satisfaction) => Known(satisfaction) ? ToDomain(satisfaction) : null;

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
        "transferred" => V1.HistoryAction.Transferred,
        "deadline_warning" => V1.HistoryAction.DeadlineWarning,
        "deadline_overdue" => V1.HistoryAction.DeadlineOverdue,
        "deadline_escalated" => V1.HistoryAction.DeadlineEscalated,
        "job_rescheduled" => V1.HistoryAction.JobRescheduled,
        "job_cancelled" => V1.HistoryAction.JobCancelled,
        _ => V1.HistoryAction.Unspecified,
    };

    [MapperIgnoreSourceValue(V1.TicketState.Unspecified)]
    private static partial TicketState ToDomain(V1.TicketState state);

    [MapperIgnoreSourceValue(V1.Category.Unspecified)]
    [MapEnumValue(V1.Category.HelpRequest, Category.Help)]
    private static partial Category ToDomain(V1.Category category);

    [MapperIgnoreSourceValue(V1.Urgency.Unspecified)]
    private static partial Urgency ToDomain(V1.Urgency urgency);

    [MapperIgnoreSourceValue(V1.Satisfaction.Unspecified)]
    private static partial Satisfaction ToDomain(V1.Satisfaction satisfaction);

    private static bool Known<T>(T value)
        where T : struct, System.Enum => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) != 0 && System.Enum.IsDefined(value);
}
