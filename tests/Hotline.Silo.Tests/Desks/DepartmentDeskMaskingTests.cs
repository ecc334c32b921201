using System.Globalization;
using V1 = Hotline.Api.V1;

namespace Hotline.Silo.Tests.Desks;

/// <summary>A department never sees the caller's full phone number, whichever method it calls.</summary>
public sealed class DepartmentDeskMaskingTests
{
    [Fact]
    public async Task EveryTicketMethod_Department_SeesMaskedPhone()
    {
        await using var desk = await DeskHost.StartAsync();
        var id = await desk.DispatchedToScjgAsync();
        var returned = await desk.DispatchedToScjgAsync();

        var answers = new List<V1.Ticket>
        {
            (await desk.DepartmentAsync("GetTicket", new V1.GetTicketRequest { TicketId = id }, desk.Scjg)).Ok,
            (await desk.DepartmentAsync("ClaimTicket", new V1.ClaimTicketRequest { TicketId = id }, desk.Scjg)).Ok,
            (await desk.DepartmentAsync("AddProgress", new V1.AddProgressRequest { TicketId = id, Content = "已到现场" }, desk.Scjg)).Ok,
            (await desk.DepartmentAsync("RequestExtension", new V1.RequestExtensionRequest { TicketId = id, Days = 2, Reason = "需检测" }, desk.Scjg)).Ok,
            (await desk.DepartmentAsync("ResolveTicket", new V1.ResolveTicketRequest { TicketId = id, Reply = "已处理" }, desk.Scjg)).Ok,
            (await desk.DepartmentAsync("ReturnTicket", new V1.ReturnTicketRequest { TicketId = returned, Reason = "非本单位职责" }, desk.Scjg)).Ok,
        };

        Assert.All(answers, t => Assert.Equal(DeskHost.MaskedPhone, t.CallerPhone));
        Assert.Equal(V1.TicketState.Replied, answers[4].State);
        Assert.Equal(V1.TicketState.Returned, answers[5].State);
    }

    [Fact]
    public async Task AddProgress_AssistingDepartment_SeesMaskedPhone()
    {
        await using var desk = await DeskHost.StartAsync();
        var id = await desk.DispatchedToScjgAsync("rsj");

        var ticket = (await desk.DepartmentAsync("AddProgress", new V1.AddProgressRequest { TicketId = id, Content = "协办意见" }, desk.Rsj)).Ok;

        Assert.Equal(DeskHost.MaskedPhone, ticket.CallerPhone);
        Assert.Equal("rsj", Assert.Single(ticket.Progress).DepartmentId);
    }

    [Fact]
    public async Task ListTickets_OwnTicketsOnly_PagedAndMasked()
    {
        await using var desk = await DeskHost.StartAsync();
        var mine = new HashSet<string> { await desk.DispatchedToScjgAsync(), await desk.DispatchedToScjgAsync(), await desk.DispatchedToScjgAsync() };
        await desk.CreateAsync();

        var first = await ListAsync(desk, desk.Scjg, new V1.ListTicketsRequest { PageSize = 2 });
        var second = await ListAsync(desk, desk.Scjg, new V1.ListTicketsRequest { PageSize = 2, PageToken = first.NextPageToken });
        var others = await ListAsync(desk, desk.Rsj, new V1.ListTicketsRequest());
        var claimedOnly = await ListAsync(desk, desk.Scjg, new V1.ListTicketsRequest { State = V1.TicketState.Claimed });

        var all = first.Tickets.Concat(second.Tickets).ToList();
        Assert.Equal(mine, all.Select(t => t.TicketId).ToHashSet());
        Assert.Equal(3, all.Count);
        Assert.All(all, t => Assert.Equal(DeskHost.MaskedPhone, t.CallerPhone));
        Assert.Empty(others.Tickets);
        Assert.Empty(claimedOnly.Tickets);
    }

    [Fact]
    public async Task WatchTickets_LeadAndAssisting_MaskedAndResumableFromCursor()
    {
        await using var desk = await DeskHost.StartAsync();
        var first = await desk.DispatchedToScjgAsync("rsj");
        var second = await desk.DispatchedToScjgAsync();

        var lead = await WatchAsync(desk, desk.Scjg, "", take: 2);
        var assisting = await WatchAsync(desk, desk.Rsj, "", take: 1);
        var third = await desk.DispatchedToScjgAsync();
        var resumed = await WatchAsync(desk, desk.Scjg, lead[^1].Cursor, take: 1);

        Assert.Equal([first, second, third], lead.Concat(resumed).Select(e => e.Ticket.TicketId));
        Assert.Equal(first, Assert.Single(assisting).Ticket.TicketId);
        Assert.All(lead.Concat(assisting).Concat(resumed), e =>
        {
            Assert.Equal(DeskHost.MaskedPhone, e.Ticket.CallerPhone);
            Assert.Equal("dispatched", e.Kind);
            Assert.True(long.Parse(e.Cursor, CultureInfo.InvariantCulture) > 0);
        });
    }

    [Fact]
    public async Task WatchTickets_ReturnRejected_SentAgainAsReturnRejected()
    {
        await using var desk = await DeskHost.StartAsync();
        var id = await desk.DispatchedToScjgAsync();
        _ = (await desk.DepartmentAsync("ReturnTicket", new V1.ReturnTicketRequest { TicketId = id, Reason = "非本单位职责" }, desk.Scjg)).Ok;
        _ = (await desk.HotlineAsync("DecideReturn", new V1.DecideReturnRequest { TicketId = id, Approve = false, Reason = "属于食品安全监管" }, desk.Agent)).Ok;

        var events = await WatchAsync(desk, desk.Scjg, "", take: 2);

        Assert.Equal(["dispatched", "return_rejected"], events.Select(e => e.Kind));
        Assert.All(events, e => Assert.Equal(DeskHost.MaskedPhone, e.Ticket.CallerPhone));
    }

    private static async Task<V1.ListTicketsResponse> ListAsync(DeskHost desk, string token, V1.ListTicketsRequest request) =>
        (await desk.Client.CallAsync("DepartmentDesk", "ListTickets", request, token, V1.ListTicketsResponse.Parser)).Ok;

    private static async Task<IReadOnlyList<V1.TicketEvent>> WatchAsync(DeskHost desk, string token, string cursor, int take)
    {
        var reply = await desk.Client.StreamAsync(
            "DepartmentDesk", "WatchTickets", new V1.WatchTicketsRequest { Cursor = cursor }, token, V1.TicketEvent.Parser, take);
        Assert.Null(reply.Status); // Still streaming when we left: nothing failed.
        Assert.Equal(take, reply.Messages.Count);
        return reply.Messages;
    }
}
