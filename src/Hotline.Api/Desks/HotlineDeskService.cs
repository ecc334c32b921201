using Hotline.Api.Grpc;
using Hotline.Contracts.Grains;
using Hotline.Contracts.Organisation;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Google.Protobuf.Reflection;
using Orleans;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Desks;

/// <summary>
/// hotline.v1.HotlineDesk: what agents and supervisors do with tickets. Each method checks its fields,
/// hands one command to the ticket's grain (which owns the rules and the staff-role checks) and maps
/// the answer back; list reads go to the query port.
/// </summary>
internal sealed class HotlineDeskService(
    IGrainFactory grains,
    ITicketIds ticketIds,
    ITicketQueries queries,
    IDepartmentDirectory departments,
    TicketAdvice advice) : IGrpcService
{
    /// <summary>A fresh id colliding with an existing ticket is unlikely; a few retries make it vanishingly so.</summary>
    private const int CreateAttempts = 3;

    public ServiceDescriptor Descriptor => HotlineServiceDescriptors.HotlineDesk;

    public void Bind(ServiceBinder binder)
    {
        binder.Unary<V1.CreateTicketRequest, V1.Ticket>("CreateTicket", CreateTicketAsync);
        binder.Unary<V1.DispatchTicketRequest, V1.Ticket>("DispatchTicket", (request, context) => OnTicket(request.TicketId, context, (grain, caller) =>
            grain.DispatchAsync(new DispatchTicket(
                caller,
                RequestFields.Id(request.DepartmentId, "department_id"),
                RequestFields.Ids(request.AssistingDepartmentIds, "assisting_department_ids"),
                RequestFields.Optional(request.Instructions)))));
        binder.Unary<V1.ResolveDirectlyRequest, V1.Ticket>("ResolveDirectly", (request, context) => OnTicket(request.TicketId, context, (grain, caller) =>
            grain.ResolveDirectlyAsync(new ResolveDirectly(caller, request.Reply))));
        binder.Unary<V1.DecideReturnRequest, V1.Ticket>("DecideReturn", (request, context) => OnTicket(request.TicketId, context, (grain, caller) =>
            grain.DecideReturnAsync(new DecideReturn(
                caller,
                request.Approve ? RequestFields.Id(request.DepartmentId, "department_id") : null,
                RequestFields.Ids(request.AssistingDepartmentIds, "assisting_department_ids"),
                RequestFields.Optional(request.Instructions),
                RequestFields.Optional(request.Reason)))));
        binder.Unary<V1.ReviewReplyRequest, V1.Ticket>("ReviewReply", (request, context) => OnTicket(request.TicketId, context, (grain, caller) =>
            grain.ReviewReplyAsync(new ReviewReply(caller, request.Approve, RequestFields.Optional(request.Reason)))));
        binder.Unary<V1.DecideExtensionRequest, V1.Ticket>("DecideExtension", (request, context) => OnTicket(request.TicketId, context, (grain, caller) =>
            grain.DecideExtensionAsync(new DecideExtension(caller, request.Approve, RequestFields.Optional(request.Reason)))));
        binder.Unary<V1.RecordCallbackRequest, V1.Ticket>("RecordCallback", (request, context) => OnTicket(request.TicketId, context, (grain, caller) =>
            grain.RecordCallbackAsync(new RecordCallback(
                caller,
                RequestFields.Required(TicketEnums.FromMessage(request.Satisfaction), "satisfaction"),
                RequestFields.Optional(request.Reason)))));
        binder.Unary<V1.MergeTicketsRequest, V1.Ticket>("MergeTickets", (request, context) => OnTicket(request.TicketId, context, (grain, caller) =>
            grain.MergeIntoAsync(new MergeTicket(
                caller,
                RequestFields.TicketId(request.ParentTicketId, "parent_ticket_id"),
                RequestFields.Optional(request.Reason)))));
        binder.Unary<V1.DesignateDepartmentRequest, V1.Ticket>("DesignateDepartment", (request, context) => OnTicket(request.TicketId, context, (grain, caller) =>
            grain.DesignateAsync(new DesignateDepartment(
                caller,
                RequestFields.Id(request.DepartmentId, "department_id"),
                RequestFields.Ids(request.AssistingDepartmentIds, "assisting_department_ids"),
                RequestFields.Optional(request.Reason)))));
        binder.Unary<V1.GetTicketRequest, V1.Ticket>("GetTicket", (request, context) => OnTicket(request.TicketId, context, (grain, caller) =>
            grain.GetAsync(caller)));
        binder.Unary<V1.GetTicketHistoryRequest, V1.GetTicketHistoryResponse>("GetTicketHistory", GetTicketHistoryAsync);
        binder.Unary<V1.SearchTicketsRequest, V1.SearchTicketsResponse>("SearchTickets", SearchTicketsAsync);
        binder.Unary<V1.ListDepartmentsRequest, V1.ListDepartmentsResponse>("ListDepartments", ListDepartmentsAsync);
        binder.Unary<V1.SuggestDepartmentsRequest, V1.SuggestDepartmentsResponse>("SuggestDepartments", advice.SuggestDepartmentsAsync);
        binder.Unary<V1.FindSimilarTicketsRequest, V1.FindSimilarTicketsResponse>("FindSimilarTickets", advice.FindSimilarTicketsAsync);
    }

    private async Task<V1.Ticket> CreateTicketAsync(V1.CreateTicketRequest request, ServerCallContext context)
    {
        var caller = DeskCall.RequireStaff(context);
        var command = new CreateTicket(
            caller,
            request.CallerPhone,
            request.CallerName,
            RequestFields.Required(TicketEnums.FromMessage(request.Category), "category"),
            request.District,
            request.Address,
            request.Content,
            RequestFields.Required(TicketEnums.FromMessage(request.Urgency), "urgency"));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var view = await grains.GetGrain<ITicketGrain>(ticketIds.NewId()).CreateAsync(command);
                return TicketMessages.ToMessage(view);
            }
            catch (TicketRefusedException refused) when (refused.Kind == TicketRefusal.Aborted && attempt < CreateAttempts)
            {
                // The id was taken: draw another.
            }
            catch (TicketRefusedException refused)
            {
                throw DeskCall.ToRpc(refused);
            }
            catch (Exception gone) when (DeskCall.IsHostGone(gone))
            {
                throw DeskCall.Unavailable(gone);
            }
        }
    }

    private async Task<V1.GetTicketHistoryResponse> GetTicketHistoryAsync(V1.GetTicketHistoryRequest request, ServerCallContext context)
    {
        var caller = DeskCall.RequireStaff(context);
        var grain = grains.GetGrain<ITicketGrain>(RequestFields.TicketId(request.TicketId));
        var history = await DeskCall.RunAsync(() => grain.GetHistoryAsync(caller));
        var response = new V1.GetTicketHistoryResponse();
        response.Entries.AddRange(history.Select(TicketMessages.ToMessage));
        return response;
    }

    private async Task<V1.SearchTicketsResponse> SearchTicketsAsync(V1.SearchTicketsRequest request, ServerCallContext context)
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
        var page = await DeskCall.RunAsync(() => queries.SearchAsync(caller, search, context.CancellationToken));
        var response = new V1.SearchTicketsResponse { NextPageToken = page.NextPageToken ?? "" };
        response.Tickets.AddRange(page.Tickets.Select(TicketMessages.ToMessage));
        return response;
    }

    private async Task<V1.ListDepartmentsResponse> ListDepartmentsAsync(V1.ListDepartmentsRequest request, ServerCallContext context)
    {
        DeskCall.RequireStaff(context);
        var all = await departments.ListAsync(context.CancellationToken);
        var response = new V1.ListDepartmentsResponse();
        response.Departments.AddRange(all.Select(TicketMessages.ToMessage));
        return response;
    }

    private async Task<V1.Ticket> OnTicket(
        string ticketId, ServerCallContext context, Func<ITicketGrain, Contracts.Security.Caller, Task<TicketView>> command)
    {
        var caller = DeskCall.RequireStaff(context);
        var grain = grains.GetGrain<ITicketGrain>(RequestFields.TicketId(ticketId));
        return TicketMessages.ToMessage(await DeskCall.RunAsync(() => command(grain, caller)));
    }
}
