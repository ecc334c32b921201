using Grpc.Core;
using V1 = Hotline.Api.V1;

namespace Hotline.Silo.Tests.Desks;

public sealed class DepartmentDeskStatusTests
{
    [Fact]
    public async Task GetTicket_NoToken_Unauthenticated()
    {
        await using var desk = await DeskHost.StartAsync();
        var id = await desk.DispatchedToScjgAsync();

        var reply = await desk.DepartmentAsync("GetTicket", new V1.GetTicketRequest { TicketId = id }, token: null);

        Assert.Equal(StatusCode.Unauthenticated, reply.Status);
    }

    [Fact]
    public async Task ClaimTicket_StaffToken_PermissionDeniedAndTicketUnchanged()
    {
        await using var desk = await DeskHost.StartAsync();
        var id = await desk.DispatchedToScjgAsync();

        var reply = await desk.DepartmentAsync("ClaimTicket", new V1.ClaimTicketRequest { TicketId = id }, desk.Supervisor);
        var ticket = await desk.HotlineAsync("GetTicket", new V1.GetTicketRequest { TicketId = id }, desk.Agent);

        Assert.Equal(StatusCode.PermissionDenied, reply.Status);
        Assert.Equal(V1.TicketState.Dispatched, ticket.Ok.State);
    }

    [Fact]
    public async Task ListTickets_StaffToken_PermissionDenied()
    {
        await using var desk = await DeskHost.StartAsync();

        var reply = await desk.Client.CallAsync("DepartmentDesk", "ListTickets", new V1.ListTicketsRequest(), desk.Agent, V1.ListTicketsResponse.Parser);

        Assert.Equal(StatusCode.PermissionDenied, reply.Status);
    }

    [Fact]
    public async Task GetAndClaim_OtherDepartmentsTicket_NotFoundLikeUnknownTicket()
    {
        await using var desk = await DeskHost.StartAsync();
        var id = await desk.DispatchedToScjgAsync();

        var get = await desk.DepartmentAsync("GetTicket", new V1.GetTicketRequest { TicketId = id }, desk.Rsj);
        var claim = await desk.DepartmentAsync("ClaimTicket", new V1.ClaimTicketRequest { TicketId = id }, desk.Rsj);
        var unknown = await desk.DepartmentAsync("GetTicket", new V1.GetTicketRequest { TicketId = "20261122-000000-000000" }, desk.Rsj);

        Assert.Equal(StatusCode.NotFound, get.Status);
        Assert.Equal(StatusCode.NotFound, claim.Status);
        Assert.Equal(StatusCode.NotFound, unknown.Status);
        Assert.Equal(unknown.Message!.Replace("20261122-000000-000000", id, StringComparison.Ordinal), get.Message);
    }

    [Fact]
    public async Task ClaimTicket_ClosedTicket_FailedPreconditionNamingState()
    {
        await using var desk = await DeskHost.StartAsync();
        var id = await desk.ClaimedByScjgAsync();
        _ = (await desk.DepartmentAsync("ResolveTicket", new V1.ResolveTicketRequest { TicketId = id, Reply = "已责令下架" }, desk.Scjg)).Ok;
        _ = (await desk.HotlineAsync("ReviewReply", new V1.ReviewReplyRequest { TicketId = id, Approve = true }, desk.Agent)).Ok;
        var closed = (await desk.HotlineAsync("RecordCallback", new V1.RecordCallbackRequest { TicketId = id, Satisfaction = V1.Satisfaction.Satisfied }, desk.Agent)).Ok;

        var reply = await desk.DepartmentAsync("ClaimTicket", new V1.ClaimTicketRequest { TicketId = id }, desk.Scjg);

        Assert.Equal(V1.TicketState.Closed, closed.State);
        Assert.Equal(StatusCode.FailedPrecondition, reply.Status);
        Assert.Contains("CLOSED", reply.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReturnTicket_MissingReason_InvalidArgumentNamingField()
    {
        await using var desk = await DeskHost.StartAsync();
        var id = await desk.DispatchedToScjgAsync();

        var reply = await desk.DepartmentAsync("ReturnTicket", new V1.ReturnTicketRequest { TicketId = id }, desk.Scjg);

        HotlineDeskStatusTests.AssertInvalid(reply, "reason");
    }

    [Fact]
    public async Task AddProgress_MissingContent_InvalidArgumentNamingField()
    {
        await using var desk = await DeskHost.StartAsync();
        var id = await desk.DispatchedToScjgAsync();

        var reply = await desk.DepartmentAsync("AddProgress", new V1.AddProgressRequest { TicketId = id }, desk.Scjg);

        HotlineDeskStatusTests.AssertInvalid(reply, "content");
    }

    [Fact]
    public async Task ListTickets_BadPageToken_InvalidArgumentNamingField()
    {
        await using var desk = await DeskHost.StartAsync();
        await desk.DispatchedToScjgAsync();

        var reply = await desk.Client.CallAsync(
            "DepartmentDesk", "ListTickets", new V1.ListTicketsRequest { PageToken = "djEKMQpUMQpmZmZm" }, desk.Scjg, V1.ListTicketsResponse.Parser);

        HotlineDeskStatusTests.AssertInvalid(reply, "page_token");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("-1")]
    public async Task WatchTickets_BadCursor_InvalidArgumentNamingField(string cursor)
    {
        await using var desk = await DeskHost.StartAsync();

        var reply = await desk.Client.StreamAsync(
            "DepartmentDesk", "WatchTickets", new V1.WatchTicketsRequest { Cursor = cursor }, desk.Scjg, V1.TicketEvent.Parser, take: 1);

        HotlineDeskStatusTests.AssertInvalid(reply, "cursor");
    }

    [Fact]
    public async Task WatchTickets_StaffToken_PermissionDenied()
    {
        await using var desk = await DeskHost.StartAsync();

        var reply = await desk.Client.StreamAsync(
            "DepartmentDesk", "WatchTickets", new V1.WatchTicketsRequest(), desk.Agent, V1.TicketEvent.Parser, take: 1);

        Assert.Equal(StatusCode.PermissionDenied, reply.Status);
    }
}
