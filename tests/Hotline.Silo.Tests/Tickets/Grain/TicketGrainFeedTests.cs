using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using static Hotline.Silo.Tests.Tickets.Grain.TicketGrainHost;

namespace Hotline.Silo.Tests.Tickets.Grain;

public sealed class TicketGrainFeedTests
{
    [Fact]
    public async Task Watch_DispatchWithAssisting_OneMaskedEntryPerDepartment()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1");
        await host.DispatchAsync("T1", "D01", "D02");
        await host.CreateAsync("T2");
        await host.DispatchAsync("T2", "D03", "D01", "D02"); // A marker: whatever D01 and D02 see before it came from T1.

        var lead = await ReadAsync(host, "D01", 0, count: 2);
        var assisting = await ReadAsync(host, "D02", 0, count: 2);
        var other = await ReadAsync(host, "D03", 0, count: 1);

        Assert.Equal(["T1", "T2"], lead.Select(i => i.TicketId));
        Assert.Equal(["T1", "T2"], assisting.Select(i => i.TicketId));
        Assert.Equal("T2", Assert.Single(other).TicketId);
        foreach (var item in new[] { lead[0], assisting[0] })
        {
            Assert.Equal("dispatched", item.Kind);
            Assert.Equal("138****1234", item.Ticket.CallerPhone);
            Assert.Equal(TicketState.Dispatched, item.Ticket.State);
            Assert.Equal("D01", item.Ticket.LeadDepartmentId);
            Assert.Equal(["D02"], item.Ticket.AssistingDepartmentIds);
        }
    }

    [Fact]
    public async Task Watch_FromCursor_ResumesAfterItWithoutLossOrRepeat()
    {
        await using var host = await StartAsync();
        foreach (var id in new[] { "T1", "T2", "T3" })
        {
            await host.CreateAsync(id);
            await host.DispatchAsync(id, "D01");
        }

        var first = await ReadAsync(host, "D01", 0, count: 1);
        var rest = await ReadAsync(host, "D01", first[0].Cursor, count: 2);
        await host.CreateAsync("T4");
        await host.DispatchAsync("T4", "D01");
        var afterReconnect = await ReadAsync(host, "D01", rest[^1].Cursor, count: 1);

        Assert.Equal(["T1", "T2", "T3", "T4"], first.Concat(rest).Concat(afterReconnect).Select(i => i.TicketId));
        Assert.True(first[0].Cursor < rest[0].Cursor && rest[0].Cursor < rest[1].Cursor && rest[1].Cursor < afterReconnect[0].Cursor);
    }

    [Fact]
    public async Task Watch_ReturnRejected_LeadGetsReturnRejectedEntry()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1");
        await host.DispatchAsync("T1", "D01");
        await host.Ticket("T1").ReturnAsync(new ReturnTicket(D01, "不属于本单位职责"));
        await host.Ticket("T1").DecideReturnAsync(new DecideReturn(Agent, null, [], null, "属于贵单位职责，请办理"));

        var items = await ReadAsync(host, "D01", 0, count: 2);

        Assert.Equal(["dispatched", "return_rejected"], items.Select(i => i.Kind));
        Assert.Equal(TicketState.Dispatched, items[1].Ticket.State);
        Assert.Equal("138****1234", items[1].Ticket.CallerPhone);
    }

    [Fact]
    public async Task Watch_NegativeCursor_InvalidArgument()
    {
        await using var host = await StartAsync();

        var refusal = await Assert.ThrowsAsync<TicketRefusedException>(() => ReadAsync(host, "D01", -1, count: 1));

        Assert.Equal("cursor", refusal.Field);
    }

    [Fact]
    public async Task Get_DepartmentNeverSent_NotFound()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1");
        await host.DispatchAsync("T1", "D01", "D02");

        var lead = await host.Ticket("T1").GetAsync(D01);
        var assisting = await host.Ticket("T1").GetAsync(D02);
        var refusal = await Assert.ThrowsAsync<TicketRefusedException>(() => host.Ticket("T1").GetAsync(D03));

        Assert.Equal("138****1234", lead.CallerPhone);
        Assert.Equal("138****1234", assisting.CallerPhone);
        Assert.Equal(TicketRefusal.NotFound, refusal.Kind);
        Assert.Equal(TicketRefusedException.NotFound("T1").Message, refusal.Message); // Says no more than for a ticket that does not exist.
    }

    [Fact]
    public async Task Get_DepartmentAfterRedispatchElsewhere_NotFoundAndNotListed()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1");
        await host.DispatchAsync("T1", "D01");
        await host.Ticket("T1").ReturnAsync(new ReturnTicket(D01, "不属于本单位职责"));
        await host.Ticket("T1").DecideReturnAsync(new DecideReturn(Agent, "D02", [], null, "改派"));

        var refusal = await Assert.ThrowsAsync<TicketRefusedException>(() => host.Ticket("T1").GetAsync(D01));
        var claimRefusal = await Assert.ThrowsAsync<TicketRefusedException>(() => host.Ticket("T1").ClaimAsync(new ClaimTicket(D01)));
        var formerList = await host.Queries.ListForDepartmentAsync(D01, null, 0, null, CancellationToken.None);
        var currentList = await host.Queries.ListForDepartmentAsync(D02, null, 0, null, CancellationToken.None);

        Assert.Equal(TicketRefusal.NotFound, refusal.Kind);
        Assert.Equal(TicketRefusal.NotFound, claimRefusal.Kind);
        Assert.Empty(formerList.Tickets);
        Assert.Equal("T1", Assert.Single(currentList.Tickets).Id);
        Assert.Equal("138****1234", currentList.Tickets[0].CallerPhone);
    }

    /// <summary>Reads <paramref name="count"/> items, then stops watching; a guard ends a watch that would wait forever.</summary>
    private static async Task<List<TicketFeedItem>> ReadAsync(TicketGrainHost host, string department, long after, int count)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var items = new List<TicketFeedItem>();
        await foreach (var item in host.Feed.WatchAsync(department, after, guard.Token))
        {
            items.Add(item);
            if (items.Count == count)
            {
                break;
            }
        }

        return items;
    }
}
