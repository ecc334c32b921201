using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using static Hotline.Silo.Tests.Tickets.Grain.TicketGrainHost;

namespace Hotline.Silo.Tests.Tickets.Grain;

public sealed class TicketGrainDurabilityTests
{
    [Fact]
    public async Task Create_ThenFreshActivation_ReturnsSameView()
    {
        await using var host = await StartAsync();
        var created = await host.CreateAsync("T1");

        await host.CollectAsync("T1");
        var reloaded = await host.Ticket("T1").GetAsync(Agent);

        Assert.Equal(TicketState.Created, created.State);
        Assert.Equal(1, created.Version);
        Assert.Equivalent(created, reloaded, strict: true);
    }

    [Fact]
    public async Task Dispatch_ThenSecondHostOnSameFile_SeesSameView()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync(first.DataDir, first.Time);
        await first.CreateAsync("T1");
        var dispatched = await first.DispatchAsync("T1", "D01", "D02");

        var seen = await second.Ticket("T1").GetAsync(Agent);

        Assert.Equivalent(dispatched, seen, strict: true);
        Assert.Equal(["D02"], seen.AssistingDepartmentIds);
    }

    [Fact]
    public async Task Create_IdInUse_AbortedAndTicketUnchanged()
    {
        await using var host = await StartAsync();
        await host.CreateAsync("T1", phone: "13800000001");

        var refusal = await Assert.ThrowsAsync<TicketRefusedException>(() => host.CreateAsync("T1", phone: "13900000002"));
        await host.CollectAsync("T1");
        var stored = await host.Ticket("T1").GetAsync(Agent);

        Assert.Equal(TicketRefusal.Aborted, refusal.Kind);
        Assert.Contains("already in use", refusal.Message, StringComparison.Ordinal);
        Assert.Equal("13800000001", stored.CallerPhone);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Create_IdInUseOnOtherHost_Aborted()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync(first.DataDir, first.Time);
        await first.CreateAsync("T1");

        var refusal = await Assert.ThrowsAsync<TicketRefusedException>(() => second.CreateAsync("T1"));

        Assert.Equal(TicketRefusal.Aborted, refusal.Kind);
    }

    [Fact]
    public async Task Dispatch_TwoHostsDecideConflictingTransitions_LoserAbortedAndReloaded()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync(first.DataDir, first.Time);
        await first.CreateAsync("T1");
        await second.Ticket("T1").GetAsync(Agent); // Both hosts now hold the ticket, at version 1.

        var winner = await first.DispatchAsync("T1", "D01");
        var refusal = await Assert.ThrowsAsync<TicketRefusedException>(() => second.DispatchAsync("T1", "D02"));
        var seenByLoser = await second.Ticket("T1").GetAsync(Agent);

        Assert.Equal(TicketRefusal.Aborted, refusal.Kind);
        Assert.Equal("D01", seenByLoser.LeadDepartmentId);
        Assert.Equal(TicketState.Dispatched, seenByLoser.State);
        Assert.Equal(winner.Version, seenByLoser.Version);
    }

    [Fact]
    public async Task Dispatch_TwoHostsAtOnce_ExactlyOneAppliesAndBothAgreeAfterwards()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync(first.DataDir, first.Time);
        await first.CreateAsync("T1");
        await second.Ticket("T1").GetAsync(Agent);

        var attempts = new[] { Attempt(first.DispatchAsync("T1", "D01")), Attempt(second.DispatchAsync("T1", "D02")) };
        var outcomes = await Task.WhenAll(attempts);
        var viaFirst = await first.Ticket("T1").GetAsync(Agent);
        var viaSecond = await second.Ticket("T1").GetAsync(Agent);
        var history = await first.Ticket("T1").GetHistoryAsync(Agent);

        var won = Assert.Single(outcomes, o => o.View is not null);
        Assert.Single(outcomes, o => o.Refusal == TicketRefusal.Aborted);
        Assert.Equal(won.View!.LeadDepartmentId, viaFirst.LeadDepartmentId);
        Assert.Equal(won.View.LeadDepartmentId, viaSecond.LeadDepartmentId);
        Assert.Equal(["created", "dispatched"], history.Select(h => h.Type));
    }

    [Fact]
    public async Task Claim_AfterLosingRace_AppliesOnReloadedState()
    {
        await using var first = await StartAsync();
        await using var second = await StartAsync(first.DataDir, first.Time);
        await first.CreateAsync("T1");
        await second.Ticket("T1").GetAsync(Agent);
        await first.DispatchAsync("T1", "D01");
        await Assert.ThrowsAsync<TicketRefusedException>(() => second.DispatchAsync("T1", "D02"));

        var claimed = await second.Ticket("T1").ClaimAsync(new ClaimTicket(D01));

        Assert.Equal(TicketState.Claimed, claimed.State);
        Assert.Equal(3, claimed.Version);
    }

    private static async Task<(TicketView? View, TicketRefusal? Refusal)> Attempt(Task<TicketView> command)
    {
        try
        {
            return (await command, null);
        }
        catch (TicketRefusedException refused)
        {
            return (null, refused.Kind);
        }
    }
}
