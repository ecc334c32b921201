using Google.Protobuf.WellKnownTypes;
using Hotline.Contracts.Organisation;
using Hotline.Contracts.Tickets;
using Riok.Mapperly.Abstractions;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Desks;

/// <summary>
/// Domain records to hotline.v1 messages (Mapperly). A null in the domain leaves the wire field at its
/// default: "" for text, unset for a message; the caller's phone arrives already masked for departments.
/// </summary>
[Mapper(EnumMappingStrategy = EnumMappingStrategy.ByName, AllowNullPropertyAssignment = false)]
[UseStaticMapper(typeof(TicketEnums))]
[UseStaticMapper(typeof(WireTime))]
internal static partial class TicketMessages
{
    [MapProperty(nameof(TicketView.Id), nameof(V1.Ticket.TicketId))]
    [MapProperty(nameof(TicketView.LeadDepartmentId), nameof(V1.Ticket.DepartmentId))]
    [MapProperty(nameof(TicketView.MergedChildIds), nameof(V1.Ticket.MergedTicketIds))]
    [MapProperty([nameof(TicketView.Callback), nameof(CallbackResult.Satisfaction)], nameof(V1.Ticket.Satisfaction))]
    [MapProperty([nameof(TicketView.Callback), nameof(CallbackResult.Note)], nameof(V1.Ticket.CallbackNote))]
    [MapPropertyFromSource(nameof(V1.Ticket.SignDeadline), Use = nameof(SignDeadline))]
    [MapPropertyFromSource(nameof(V1.Ticket.HandleDeadline), Use = nameof(HandleDeadline))]
    [MapperIgnoreSource(nameof(TicketView.SignStatus))]
    [MapperIgnoreSource(nameof(TicketView.HandleStatus))]
    public static partial V1.Ticket ToMessage(TicketView view);

    [MapProperty(nameof(TicketHistoryEntry.Version), nameof(V1.HistoryEntry.Sequence))]
    [MapProperty(nameof(TicketHistoryEntry.Type), nameof(V1.HistoryEntry.Action), Use = nameof(HistoryAction))]
    public static partial V1.HistoryEntry ToMessage(TicketHistoryEntry entry);

    [MapProperty(nameof(Department.Id), nameof(V1.Department.DepartmentId))]
    public static partial V1.Department ToMessage(Department department);

    [MapProperty(nameof(ProgressNote.Note), nameof(V1.ProgressNote.Content))]
    private static partial V1.ProgressNote ToMessage(ProgressNote note);

    [MapperIgnoreSource(nameof(ExtensionRequest.DepartmentId))]
    private static partial V1.ExtensionRequest ToMessage(ExtensionRequest extension);

    private static V1.HistoryAction HistoryAction(string eventType) => TicketEnums.ToHistoryAction(eventType);

    private static V1.Deadline? SignDeadline(TicketView view) => Deadline(view.SignDeadline, view.SignStatus);

    private static V1.Deadline? HandleDeadline(TicketView view) => Deadline(view.HandleDeadline, view.HandleStatus);

    private static V1.Deadline? Deadline(DateTimeOffset? due, DeadlineStatus status) =>
        due is { } at ? new V1.Deadline { DueAt = Timestamp.FromDateTimeOffset(at), Status = TicketEnums.ToMessage(status) } : null;
}
