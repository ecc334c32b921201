using Grpc.Core;
using Hotline.Silo.Tests.EndToEnd;
using V1 = Hotline.Api.V1;

namespace Hotline.Silo.Tests.Desks;

public sealed class HotlineDeskStatusTests
{
    [Fact]
    public async Task CreateTicket_NoToken_Unauthenticated()
    {
        await using var desk = await DeskHost.StartAsync();

        var reply = await desk.HotlineAsync("CreateTicket", DeskHost.NewTicket(), token: null);

        Assert.Equal(StatusCode.Unauthenticated, reply.Status);
        Assert.Empty(reply.Messages);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token-this-host-issued")]
    public async Task CreateTicket_BadToken_Unauthenticated(string token)
    {
        await using var desk = await DeskHost.StartAsync();

        var reply = await desk.HotlineAsync("CreateTicket", DeskHost.NewTicket(), token);

        Assert.Equal(StatusCode.Unauthenticated, reply.Status);
    }

    [Fact]
    public async Task CreateTicket_DepartmentToken_PermissionDenied()
    {
        await using var desk = await DeskHost.StartAsync();

        var reply = await desk.HotlineAsync("CreateTicket", DeskHost.NewTicket(), desk.Scjg);

        Assert.Equal(StatusCode.PermissionDenied, reply.Status);
    }

    [Fact]
    public async Task DecideExtension_Agent_PermissionDeniedAndSupervisorMayDecide()
    {
        await using var desk = await DeskHost.StartAsync();
        var id = await desk.ClaimedByScjgAsync();
        _ = (await desk.DepartmentAsync("RequestExtension", new V1.RequestExtensionRequest { TicketId = id, Days = 2, Reason = "需现场检测" }, desk.Scjg)).Ok;
        var decide = new V1.DecideExtensionRequest { TicketId = id, Approve = true, Reason = "同意" };

        var byAgent = await desk.HotlineAsync("DecideExtension", decide, desk.Agent);
        var bySupervisor = await desk.HotlineAsync("DecideExtension", decide, desk.Supervisor);

        Assert.Equal(StatusCode.PermissionDenied, byAgent.Status);
        Assert.Contains("supervisor", byAgent.Message, StringComparison.Ordinal);
        Assert.Null(bySupervisor.Ok.PendingExtension);
    }

    [Fact]
    public async Task DesignateDepartment_Agent_PermissionDenied()
    {
        await using var desk = await DeskHost.StartAsync();
        var id = await desk.CreateAsync();

        var reply = await desk.HotlineAsync("DesignateDepartment", new V1.DesignateDepartmentRequest { TicketId = id, DepartmentId = "scjg" }, desk.Agent);
        var ticket = await desk.HotlineAsync("GetTicket", new V1.GetTicketRequest { TicketId = id }, desk.Agent);

        Assert.Equal(StatusCode.PermissionDenied, reply.Status);
        Assert.Equal(V1.TicketState.Created, ticket.Ok.State);
    }

    [Fact]
    public async Task CreateTicket_MissingCallerPhone_InvalidArgumentNamingField()
    {
        await using var desk = await DeskHost.StartAsync();
        var request = DeskHost.NewTicket();
        request.CallerPhone = "";

        var reply = await desk.HotlineAsync("CreateTicket", request, desk.Agent);

        AssertInvalid(reply, "caller_phone");
    }

    [Fact]
    public async Task CreateTicket_CategoryUnspecified_InvalidArgumentNamingField()
    {
        await using var desk = await DeskHost.StartAsync();
        var request = DeskHost.NewTicket();
        request.Category = V1.Category.Unspecified;

        var reply = await desk.HotlineAsync("CreateTicket", request, desk.Agent);

        AssertInvalid(reply, "category");
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad id")]
    [InlineData("工单1")]
    public async Task GetTicket_BadTicketId_InvalidArgumentNamingField(string ticketId)
    {
        await using var desk = await DeskHost.StartAsync();

        var reply = await desk.HotlineAsync("GetTicket", new V1.GetTicketRequest { TicketId = ticketId }, desk.Agent);

        AssertInvalid(reply, "ticket_id");
    }

    [Fact]
    public async Task SearchTickets_BadPageToken_InvalidArgumentNamingField()
    {
        await using var desk = await DeskHost.StartAsync();
        await desk.CreateAsync();

        var reply = await desk.Client.CallAsync(
            "HotlineDesk", "SearchTickets", new V1.SearchTicketsRequest { PageToken = "garbage" }, desk.Agent, V1.SearchTicketsResponse.Parser);

        AssertInvalid(reply, "page_token");
    }

    [Theory]
    [InlineData(0, -1)]
    [InlineData(4_611_686_018_427_387_904, 0)]
    [InlineData(-62_135_596_801, 0)]
    public async Task SearchTickets_MalformedTimestamp_InvalidArgumentNamingField(long seconds, int nanos)
    {
        await using var desk = await DeskHost.StartAsync();
        var request = new V1.SearchTicketsRequest { CreatedFrom = new Google.Protobuf.WellKnownTypes.Timestamp { Seconds = seconds, Nanos = nanos } };

        var reply = await desk.Client.CallAsync("HotlineDesk", "SearchTickets", request, desk.Agent, V1.SearchTicketsResponse.Parser);

        AssertInvalid(reply, "created_from");
    }

    [Fact]
    public async Task CreateTicket_ContentNotUtf8_InvalidArgumentAndNothingStored()
    {
        await using var desk = await DeskHost.StartAsync();
        // A valid request, then content (field 6) again with the bytes FF FE: the last occurrence wins when parsed.
        byte[] payload = [.. Google.Protobuf.MessageExtensions.ToByteArray(DeskHost.NewTicket()), 0x32, 0x02, 0xFF, 0xFE];

        var reply = await desk.Client.UnaryRawAsync("HotlineDesk", "CreateTicket", payload, desk.Agent);
        var stored = await desk.Client.CallAsync("HotlineDesk", "SearchTickets", new V1.SearchTicketsRequest(), desk.Agent, V1.SearchTicketsResponse.Parser);

        Assert.Equal(StatusCode.InvalidArgument, reply.Status);
        Assert.Contains("UTF-8", reply.Message, StringComparison.Ordinal);
        Assert.Empty(stored.Ok.Tickets);
    }

    [Fact]
    public async Task SearchTickets_PageSizeTooLarge_InvalidArgumentNamingField()
    {
        await using var desk = await DeskHost.StartAsync();

        var reply = await desk.Client.CallAsync(
            "HotlineDesk", "SearchTickets", new V1.SearchTicketsRequest { PageSize = 1000 }, desk.Agent, V1.SearchTicketsResponse.Parser);

        AssertInvalid(reply, "page_size");
    }

    [Fact]
    public async Task SearchTickets_TwoPages_AllTicketsOnceWithFullPhone()
    {
        await using var desk = await DeskHost.StartAsync();
        var created = new HashSet<string> { await desk.CreateAsync(), await desk.CreateAsync(), await desk.CreateAsync() };

        var first = (await desk.Client.CallAsync(
            "HotlineDesk", "SearchTickets", new V1.SearchTicketsRequest { PageSize = 2 }, desk.Agent, V1.SearchTicketsResponse.Parser)).Ok;
        var second = (await desk.Client.CallAsync(
            "HotlineDesk", "SearchTickets", new V1.SearchTicketsRequest { PageSize = 2, PageToken = first.NextPageToken }, desk.Agent, V1.SearchTicketsResponse.Parser)).Ok;

        var all = first.Tickets.Concat(second.Tickets).ToList();
        Assert.Equal(created, all.Select(t => t.TicketId).ToHashSet());
        Assert.Equal(3, all.Count);
        Assert.Equal("", second.NextPageToken);
        Assert.All(all, t => Assert.Equal(DeskHost.Phone, t.CallerPhone));
    }

    [Fact]
    public async Task GetTicket_Unknown_NotFound()
    {
        await using var desk = await DeskHost.StartAsync();

        var reply = await desk.HotlineAsync("GetTicket", new V1.GetTicketRequest { TicketId = "20261122-000000-000000" }, desk.Agent);

        Assert.Equal(StatusCode.NotFound, reply.Status);
    }

    [Fact]
    public async Task ReviewReply_TicketNotReplied_FailedPreconditionNamingState()
    {
        await using var desk = await DeskHost.StartAsync();
        var id = await desk.DispatchedToScjgAsync();

        var reply = await desk.HotlineAsync("ReviewReply", new V1.ReviewReplyRequest { TicketId = id, Approve = true }, desk.Agent);

        Assert.Equal(StatusCode.FailedPrecondition, reply.Status);
        Assert.Contains("DISPATCHED", reply.Message, StringComparison.Ordinal);
    }

    internal static void AssertInvalid<T>(GrpcReplies<T> reply, string field)
    {
        Assert.Equal(StatusCode.InvalidArgument, reply.Status);
        Assert.StartsWith(field + ":", reply.Message, StringComparison.Ordinal);
    }
}
