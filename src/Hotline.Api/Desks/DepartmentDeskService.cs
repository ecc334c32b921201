using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Hotline.Api.Pipeline;
using Hotline.Contracts.Grains;
using Hotline.Contracts.Security;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using Microsoft.Extensions.Options;
using V1 = Hotline.Api.V1;

namespace Hotline.Api.Desks;

/// <summary>
/// hotline.v1.DepartmentDesk: what a handling department's system does. The caller is always the
/// department its token names; the ticket grain answers NotFound for tickets never dispatched to it,
/// so a department cannot learn other tickets exist, and masks the caller's phone.
/// </summary>
internal sealed class DepartmentDeskService(
    TicketGrains grains, ITicketQueries queries, ITicketFeed feed, StreamSlots slots, IOptions<StreamOptions> streams, TimeProvider timeProvider)
    : V1.DepartmentDesk.DepartmentDeskBase
{
    public override async Task<V1.ListTicketsResponse> ListTickets(V1.ListTicketsRequest request, ServerCallContext context)
    {
        var caller = DeskCall.RequireDepartment(context);
        IReadOnlyList<TicketState>? states = request.State == V1.TicketState.Unspecified
            ? null
            : [RequestFields.Required(TicketEnums.FromMessage(request.State), "state")];
        var page = await queries.ListForDepartmentAsync(
            caller, states, request.PageSize, RequestFields.Optional(request.PageToken), context.CancellationToken);
        var response = new V1.ListTicketsResponse { NextPageToken = page.NextPageToken ?? "" };
        response.Tickets.AddRange(page.Tickets.Select(TicketMessages.ToMessage));
        return response;
    }

    /// <summary>
    /// Streams every ticket sent to the department after the cursor, then live ones, until the client
    /// leaves, its deadline passes, or the host stops (the stream then ends OK and the client resumes
    /// from its last cursor elsewhere). The cursor is the feed's sequence number as text. A department holds
    /// at most <see cref="StreamOptions.MaxPerCaller"/> streams, and a client that stops reading is cut off
    /// after <see cref="StreamOptions.SlowConsumerTimeout"/>: both RESOURCE_EXHAUSTED.
    /// </summary>
    public override async Task WatchTickets(V1.WatchTicketsRequest request, IServerStreamWriter<V1.TicketEvent> responseStream, ServerCallContext context)
    {
        var caller = DeskCall.RequireDepartment(context);
        var after = ParseCursor(request.Cursor);
        using var slot = slots.Take(caller, "WatchTickets");
        var limit = streams.Value.SlowConsumerTimeout;
        var stopping = context.ServerStopping();
        using var watching = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken, stopping);
        try
        {
            await foreach (var item in feed.WatchAsync(caller.Id, after, watching.Token))
            {
                await responseStream.WriteWithinAsync(ToEvent(item), context, limit, timeProvider);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested && !context.CancellationToken.IsCancellationRequested)
        {
            // Host shutdown: end the stream cleanly so draining is not held up.
        }
    }

    public override Task<V1.Ticket> GetTicket(V1.GetTicketRequest request, ServerCallContext context) =>
        OnTicket(request.TicketId, context, (grain, caller) => grain.GetAsync(caller));

    public override Task<V1.Ticket> ClaimTicket(V1.ClaimTicketRequest request, ServerCallContext context) =>
        OnTicket(request.TicketId, context, (grain, caller) => grain.ClaimAsync(new ClaimTicket(caller, RequestFields.RequestId(request.RequestId))));

    public override Task<V1.Ticket> ReturnTicket(V1.ReturnTicketRequest request, ServerCallContext context) =>
        OnTicket(request.TicketId, context, (grain, caller) => grain.ReturnAsync(new ReturnTicket(caller, request.Reason, RequestFields.RequestId(request.RequestId))));

    public override Task<V1.Ticket> RequestExtension(V1.RequestExtensionRequest request, ServerCallContext context) =>
        OnTicket(request.TicketId, context, (grain, caller) => grain.RequestExtensionAsync(new RequestExtension(caller, request.Days, request.Reason, RequestFields.RequestId(request.RequestId))));

    public override Task<V1.Ticket> AddProgress(V1.AddProgressRequest request, ServerCallContext context) =>
        OnTicket(request.TicketId, context, (grain, caller) => grain.AddProgressAsync(new AddProgress(caller, request.Content, RequestFields.RequestId(request.RequestId))));

    public override Task<V1.Ticket> ResolveTicket(V1.ResolveTicketRequest request, ServerCallContext context) =>
        OnTicket(request.TicketId, context, (grain, caller) => grain.ResolveAsync(new ResolveTicket(caller, request.Reply, RequestFields.RequestId(request.RequestId))));

    private static V1.TicketEvent ToEvent(TicketFeedItem item) => new()
    {
        Cursor = item.Cursor.ToString(CultureInfo.InvariantCulture),
        Ticket = TicketMessages.ToMessage(item.Ticket),
        At = Timestamp.FromDateTimeOffset(item.At),
        Kind = item.Kind,
    };

    private static long ParseCursor(string cursor)
    {
        if (cursor.Length == 0)
        {
            return 0;
        }

        return long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw RequestFields.Invalid("cursor", "is not a cursor this server issued");
    }

    private async Task<V1.Ticket> OnTicket(string ticketId, ServerCallContext context, Func<ITicketGrain, Caller, Task<TicketView>> command)
    {
        var caller = DeskCall.RequireDepartment(context);
        var grain = grains.Get(RequestFields.TicketId(ticketId));
        return TicketMessages.ToMessage(await command(grain, caller));
    }
}
