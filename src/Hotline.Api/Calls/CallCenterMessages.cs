using Hotline.Api.Desks;
using Hotline.Contracts.Tickets;
using Hotline.Telephony.Calls;
using Riok.Mapperly.Abstractions;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Calls;

/// <summary>The call center's live views and notices to hotline.v1 messages (Mapperly); a null leaves the wire default.</summary>
[Mapper(AllowNullPropertyAssignment = false)]
[UseStaticMapper(typeof(CallCenterEnums))]
[UseStaticMapper(typeof(TicketEnums))]
[UseStaticMapper(typeof(WireTime))]
internal static partial class CallCenterMessages
{
    public static partial V1.AgentStatus ToMessage(AgentSnapshot agent);

    public static partial V1.QueueStatus ToMessage(QueueSnapshot queue);

    public static partial V1.AgentCallEvent ToMessage(AgentCallNotice notice);

    /// <summary>A ticket in brief; the enums map as HotlineDesk maps them.</summary>
    [MapProperty(nameof(TicketView.Id), nameof(V1.TicketSummary.TicketId))]
    [MapProperty(nameof(TicketView.LeadDepartmentId), nameof(V1.TicketSummary.DepartmentId))]
    [MapProperty([nameof(TicketView.Callback), nameof(CallbackResult.Satisfaction)], nameof(V1.TicketSummary.Satisfaction))]
    [MapperIgnoreSource(nameof(TicketView.CallerPhone))]
    [MapperIgnoreSource(nameof(TicketView.CallerName))]
    [MapperIgnoreSource(nameof(TicketView.Address))]
    [MapperIgnoreSource(nameof(TicketView.AssistingDepartmentIds))]
    [MapperIgnoreSource(nameof(TicketView.LeadDepartmentName))]
    [MapperIgnoreSource(nameof(TicketView.AssistingDepartmentNames))]
    [MapperIgnoreSource(nameof(TicketView.Instructions))]
    [MapperIgnoreSource(nameof(TicketView.DispatchCount))]
    [MapperIgnoreSource(nameof(TicketView.NeedsDesignation))]
    [MapperIgnoreSource(nameof(TicketView.Designated))]
    [MapperIgnoreSource(nameof(TicketView.DispatchedAt))]
    [MapperIgnoreSource(nameof(TicketView.SignDeadline))]
    [MapperIgnoreSource(nameof(TicketView.SignStatus))]
    [MapperIgnoreSource(nameof(TicketView.HandleDeadline))]
    [MapperIgnoreSource(nameof(TicketView.HandleStatus))]
    [MapperIgnoreSource(nameof(TicketView.PendingExtension))]
    [MapperIgnoreSource(nameof(TicketView.Answer))]
    [MapperIgnoreSource(nameof(TicketView.Reply))]
    [MapperIgnoreSource(nameof(TicketView.ParentTicketId))]
    [MapperIgnoreSource(nameof(TicketView.MergedChildIds))]
    [MapperIgnoreSource(nameof(TicketView.Progress))]
    [MapperIgnoreSource(nameof(TicketView.UpdatedAt))]
    [MapperIgnoreSource(nameof(TicketView.Version))]
    public static partial V1.TicketSummary ToSummary(TicketView ticket);
}
