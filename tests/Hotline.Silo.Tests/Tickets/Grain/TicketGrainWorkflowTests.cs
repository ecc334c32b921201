using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using static Hotline.Silo.Tests.Tickets.Grain.TicketGrainHost;

namespace Hotline.Silo.Tests.Tickets.Grain;

public sealed class TicketGrainWorkflowTests
{
    [Fact]
    public async Task GetHistory_AfterWholeLifecycle_ListsEveryTransitionInOrderWithActorTimeAndReason()
    {
        await using var host = await StartAsync();
        var ticket = host.Ticket("T1");
        var start = host.Time.GetUtcNow();
        await host.CreateAsync("T1");
        await Step(host, () => host.DispatchAsync("T1", "D01"));
        await Step(host, () => ticket.ReturnAsync(new ReturnTicket(D01, "不属于本单位职责")));
        await Step(host, () => ticket.DecideReturnAsync(new DecideReturn(Agent, "D02", [], null, "改派城管")));
        await Step(host, () => ticket.ClaimAsync(new ClaimTicket(D02)));
        await Step(host, () => ticket.AddProgressAsync(new AddProgress(D02, "已派人到场")));
        await Step(host, () => ticket.ResolveAsync(new ResolveTicket(D02, "灯已修好")));
        await Step(host, () => ticket.ReviewReplyAsync(new ReviewReply(Agent, true, null)));
        await Step(host, () => ticket.RecordCallbackAsync(new RecordCallback(Agent, Satisfaction.Satisfied, "市民满意")));

        await host.CollectAsync("T1");
        var history = await ticket.GetHistoryAsync(Supervisor);

        Assert.Equal(
            ["created", "dispatched", "returned", "dispatched", "claimed", "progress_added", "replied", "reply_approved", "callback_recorded"],
            history.Select(h => h.Type));
        Assert.Equal(Enumerable.Range(1, 9).Select(v => (long)v), history.Select(h => h.Version));
        Assert.Equal(
            ["staff:A01", "staff:A01", "department:D01", "staff:A01", "department:D02", "department:D02", "department:D02", "staff:A01", "staff:A01"],
            history.Select(h => h.Actor));
        Assert.Equal(Enumerable.Range(0, 9).Select(i => start.AddMinutes(i)), history.Select(h => h.At));
        Assert.Equal("不属于本单位职责", history[2].Reason);
        Assert.Equal("改派城管", history[3].Reason);
        Assert.Equal("已派人到场", history[5].Reason);
        Assert.Equal("灯已修好", history[6].Reason);
        Assert.Equal("市民满意", history[8].Reason);
        Assert.Equal(TicketState.Closed, (await ticket.GetAsync(Agent)).State);
    }

    [Fact]
    public async Task GetHistory_Department_PermissionDenied()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1");
        await host.DispatchAsync("T1", "D01");

        var refusal = await Assert.ThrowsAsync<TicketRefusedException>(() => host.Ticket("T1").GetHistoryAsync(D01));

        Assert.Equal(TicketRefusal.PermissionDenied, refusal.Kind);
    }

    [Fact]
    public async Task MergeInto_Parent_ChildMergedAndParentListsIt()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("P1");
        await host.CreateAsync("C1");

        var child = await host.Ticket("C1").MergeIntoAsync(new MergeTicket(Agent, "P1", "重复来电"));
        await host.CollectAsync("P1");
        var parent = await host.Ticket("P1").GetAsync(Agent);

        Assert.Equal(TicketState.Merged, child.State);
        Assert.Equal("P1", child.ParentTicketId);
        Assert.Equal(["C1"], parent.MergedChildIds);
        Assert.Equal(TicketState.Created, parent.State);
        Assert.Equal(["created", "child_merged"], (await host.Ticket("P1").GetHistoryAsync(Agent)).Select(h => h.Type));
    }

    [Fact]
    public async Task MergeInto_MergedParent_FailedPreconditionAndNothingChanges()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("P1");
        await host.CreateAsync("C1");
        await host.CreateAsync("C2");
        await host.Ticket("C1").MergeIntoAsync(new MergeTicket(Agent, "P1", null));

        var refusal = await Assert.ThrowsAsync<TicketRefusedException>(() => host.Ticket("C2").MergeIntoAsync(new MergeTicket(Agent, "C1", null)));

        Assert.Equal(TicketRefusal.FailedPrecondition, refusal.Kind);
        Assert.Equal(TicketState.Merged, refusal.State);
        Assert.Contains("MERGED", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(TicketState.Created, (await host.Ticket("C2").GetAsync(Agent)).State);
        Assert.Empty((await host.Ticket("C1").GetAsync(Agent)).MergedChildIds);
    }

    [Fact]
    public async Task MergeInto_Itself_InvalidArgumentNamingParent()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1");

        var refusal = await Assert.ThrowsAsync<TicketRefusedException>(() => host.Ticket("T1").MergeIntoAsync(new MergeTicket(Agent, "T1", null)));

        Assert.Equal(TicketRefusal.InvalidArgument, refusal.Kind);
        Assert.Equal("parent_ticket_id", refusal.Field);
        Assert.Equal(TicketState.Created, (await host.Ticket("T1").GetAsync(Agent)).State);
    }

    [Fact]
    public async Task MergeInto_UnknownParent_NotFoundAndChildUnchanged()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("C1");

        var refusal = await Assert.ThrowsAsync<TicketRefusedException>(() => host.Ticket("C1").MergeIntoAsync(new MergeTicket(Agent, "NOPE", null)));

        Assert.Equal(TicketRefusal.NotFound, refusal.Kind);
        Assert.Equal(TicketState.Created, (await host.Ticket("C1").GetAsync(Agent)).State);
    }

    [Fact]
    public async Task Get_UnknownTicket_NotFound()
    {
        await using var host = await StartAsync();

        var refusal = await Assert.ThrowsAsync<TicketRefusedException>(() => host.Ticket("NOPE").GetAsync(Agent));

        Assert.Equal(TicketRefusal.NotFound, refusal.Kind);
    }

    private static async Task Step(TicketGrainHost host, Func<Task<TicketView>> command)
    {
        host.Time.Advance(TimeSpan.FromMinutes(1));
        await command();
    }
}
