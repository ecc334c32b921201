using Grpc.Core;
using Hotline.Contracts.Grains;
using Hotline.Contracts.Organisation;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Desks;

/// <summary>
/// hotline.v1.HotlineDesk: what agents and supervisors do with tickets. Each method checks its fields,
/// hands one command to the ticket's grain (which owns the rules and the staff-role checks) and maps
/// the answer back; list reads go to the query port.
/// </summary>
internal sealed class HotlineDeskService(
    TicketGrains grains,
    ITicketCreation creation,
    ITicketQueries queries,
    IDepartmentDirectory departments,
    TicketAdvice advice) : V1.HotlineDesk.HotlineDeskBase
{
    public override async Task<V1.Ticket> CreateTicket(V1.CreateTicketRequest request, ServerCallContext context)
    {
        var caller = DeskCall.RequireStaff(context);
        var requestId = RequestFields.RequestId(request.RequestId);
        var command = new CreateTicket(
            caller,
            request.CallerPhone,
            request.CallerName,
            RequestFields.Required(TicketEnums.FromMessage(request.Category), "category"),
            request.District,
            request.Address,
            request.Content,
            RequestFields.Required(TicketEnums.FromMessage(request.Urgency), "urgency"),
            requestId);
        return TicketMessages.ToMessage(await creation.CreateAsync(command, context.CancellationToken));
    }

    public override Task<V1.Ticket> DispatchTicket(V1.DispatchTicketRequest request, ServerCallContext context) =>
        OnTicket(request.TicketId, context, (grain, caller) => grain.DispatchAsync(new DispatchTicket(
            caller,
            RequestFields.Id(request.DepartmentId, "department_id"),
            RequestFields.Ids(request.AssistingDepartmentIds, "assisting_department_ids"),
            RequestFields.Optional(request.Instructions),
            RequestFields.RequestId(request.RequestId))));

    public override Task<V1.Ticket> ResolveDirectly(V1.ResolveDirectlyRequest request, ServerCallContext context) =>
        OnTicket(request.TicketId, context, (grain, caller) => grain.ResolveDirectlyAsync(new ResolveDirectly(caller, request.Reply, RequestFields.RequestId(request.RequestId))));

    public override Task<V1.Ticket> DecideReturn(V1.DecideReturnRequest request, ServerCallContext context) =>
        OnTicket(request.TicketId, context, (grain, caller) => grain.DecideReturnAsync(new DecideReturn(
            caller,
            request.Approve ? RequestFields.Id(request.DepartmentId, "department_id") : null,
            RequestFields.Ids(request.AssistingDepartmentIds, "assisting_department_ids"),
            RequestFields.Optional(request.Instructions),
            RequestFields.Optional(request.Reason),
            RequestFields.RequestId(request.RequestId))));

    public override Task<V1.Ticket> ReviewReply(V1.ReviewReplyRequest request, ServerCallContext context) =>
        OnTicket(request.TicketId, context, (grain, caller) =>
            grain.ReviewReplyAsync(new ReviewReply(caller, request.Approve, RequestFields.Optional(request.Reason), RequestFields.RequestId(request.RequestId))));

    public override Task<V1.Ticket> DecideExtension(V1.DecideExtensionRequest request, ServerCallContext context) =>
        OnTicket(request.TicketId, context, (grain, caller) =>
            grain.DecideExtensionAsync(new DecideExtension(caller, request.Approve, RequestFields.Optional(request.Reason), RequestFields.RequestId(request.RequestId))));

    public override Task<V1.Ticket> RecordCallback(V1.RecordCallbackRequest request, ServerCallContext context) =>
        OnTicket(request.TicketId, context, (grain, caller) => grain.RecordCallbackAsync(new RecordCallback(
            caller,
            RequestFields.Required(TicketEnums.FromMessage(request.Satisfaction), "satisfaction"),
            RequestFields.Optional(request.Reason),
            RequestFields.RequestId(request.RequestId))));

    public override Task<V1.Ticket> MergeTickets(V1.MergeTicketsRequest request, ServerCallContext context) =>
        OnTicket(request.TicketId, context, (grain, caller) => grain.MergeIntoAsync(new MergeTicket(
            caller,
            RequestFields.TicketId(request.ParentTicketId, "parent_ticket_id"),
            RequestFields.Optional(request.Reason),
            RequestFields.RequestId(request.RequestId))));

    public override Task<V1.Ticket> DesignateDepartment(V1.DesignateDepartmentRequest request, ServerCallContext context) =>
        OnTicket(request.TicketId, context, (grain, caller) => grain.DesignateAsync(new DesignateDepartment(
            caller,
            RequestFields.Id(request.DepartmentId, "department_id"),
            RequestFields.Ids(request.AssistingDepartmentIds, "assisting_department_ids"),
            RequestFields.Optional(request.Reason),
            RequestFields.RequestId(request.RequestId))));

    public override Task<V1.Ticket> GetTicket(V1.GetTicketRequest request, ServerCallContext context) =>
        OnTicket(request.TicketId, context, (grain, caller) => grain.GetAsync(caller));

    public override async Task<V1.GetTicketHistoryResponse> GetTicketHistory(V1.GetTicketHistoryRequest request, ServerCallContext context)
    {
        var caller = DeskCall.RequireStaff(context);
        var grain = grains.Get(RequestFields.TicketId(request.TicketId));
        var history = await grain.GetHistoryAsync(caller);
        var response = new V1.GetTicketHistoryResponse();
        response.Entries.AddRange(history.Select(TicketMessages.ToMessage));
        return response;
    }

    public override async Task<V1.SearchTicketsResponse> SearchTickets(V1.SearchTicketsRequest request, ServerCallContext context)
    {
        var caller = DeskCall.RequireStaff(context);
        var search = new TicketSearch(
            States: request.State == V1.TicketState.Unspecified
                ? null
                : [RequestFields.Required(TicketEnums.FromMessage(request.State), "state")],
            DepartmentId: RequestFields.Optional(request.DepartmentId),
            CallerPhone: RequestFields.Optional(request.CallerPhone),
            District: RequestFields.Optional(request.District),
            CreatedFrom: RequestFields.Time(request.CreatedFrom),
            CreatedTo: RequestFields.Time(request.CreatedTo),
            PageSize: request.PageSize,
            PageToken: RequestFields.Optional(request.PageToken));
        var page = await queries.SearchAsync(caller, search, context.CancellationToken);
        var response = new V1.SearchTicketsResponse { NextPageToken = page.NextPageToken ?? "" };
        response.Tickets.AddRange(page.Tickets.Select(TicketMessages.ToMessage));
        return response;
    }

    public override async Task<V1.ListDepartmentsResponse> ListDepartments(V1.ListDepartmentsRequest request, ServerCallContext context)
    {
        DeskCall.RequireStaff(context);
        var all = await departments.ListAsync(context.CancellationToken);
        var response = new V1.ListDepartmentsResponse();
        response.Departments.AddRange(all.Select(TicketMessages.ToMessage));
        return response;
    }

    public override Task<V1.SuggestDepartmentsResponse> SuggestDepartments(V1.SuggestDepartmentsRequest request, ServerCallContext context) =>
        advice.SuggestDepartmentsAsync(request, context);

    public override Task<V1.FindSimilarTicketsResponse> FindSimilarTickets(V1.FindSimilarTicketsRequest request, ServerCallContext context) =>
        advice.FindSimilarTicketsAsync(request, context);

    private async Task<V1.Ticket> OnTicket(
        string ticketId, ServerCallContext context, Func<ITicketGrain, Contracts.Security.Caller, Task<TicketView>> command)
    {
        var caller = DeskCall.RequireStaff(context);
        var grain = grains.Get(RequestFields.TicketId(ticketId));
        return TicketMessages.ToMessage(await command(grain, caller));
    }
}
