using Hotline.Contracts.Agents;
using Hotline.Contracts.Grains;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using static Hotline.Silo.Tests.Tickets.Grain.TicketGrainHost;

namespace Hotline.Silo.Tests.Grains;

/// <summary>
/// Every grain method called across a wire (the cluster client, or one silo calling an activation on the
/// other): a missing serializer would fail here with CodecNotFoundException, not in production.
/// </summary>
public sealed class TicketAcrossSilosTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Lifecycle_CallsFromClientAndBothSilos_EveryTransitionKeptInOrder()
    {
        await using var cluster = await TwoSiloTicketCluster.StartAsync();
        IGrainFactory[] callers = [cluster.Client, cluster.SiloGrains(0), cluster.SiloGrains(1)];
        var next = 0;
        ITicketGrain T1() => callers[next++ % callers.Length].GetGrain<ITicketGrain>("T1");

        await T1().CreateAsync(NewTicket());
        await T1().DispatchAsync(new DispatchTicket(Agent, "D01", ["D02"], "请尽快处理"));
        await T1().ReturnAsync(new ReturnTicket(D01, "不属于本单位职责"));
        await T1().DecideReturnAsync(new DecideReturn(Agent, "D03", [], null, "改派"));
        await T1().ClaimAsync(new ClaimTicket(D03));
        await T1().AddProgressAsync(new AddProgress(D03, "已派人到场"));
        await T1().RequestExtensionAsync(new RequestExtension(D03, 2, "需要协调"));
        await T1().DecideExtensionAsync(new DecideExtension(Supervisor, true, null));
        await T1().ResolveAsync(new ResolveTicket(D03, "已处理"));
        await T1().ReviewReplyAsync(new ReviewReply(Agent, true, null));
        var closed = await T1().RecordCallbackAsync(new RecordCallback(Agent, Satisfaction.Satisfied, "满意"));
        var seen = await T1().GetAsync(D03);
        var history = await T1().GetHistoryAsync(Supervisor);

        Assert.Equal(TicketState.Closed, closed.State);
        Assert.Equal(Satisfaction.Satisfied, closed.Callback?.Satisfaction);
        Assert.Equal("138****1234", seen.CallerPhone);
        Assert.Equal("已派人到场", Assert.Single(seen.Progress).Note);
        Assert.Equal(
            ["created", "dispatched", "returned", "dispatched", "claimed", "progress_added", "extension_requested",
             "extension_approved", "replied", "reply_approved", "callback_recorded"],
            history.Select(h => h.Type));
        Assert.Equal(closed.Version, history[^1].Version);
    }

    [Fact]
    public async Task MergeDesignateResolveDirectly_FromEitherSilo_AppliedOnce()
    {
        await using var cluster = await TwoSiloTicketCluster.StartAsync();
        var left = cluster.SiloGrains(0);
        var right = cluster.SiloGrains(1);
        await left.GetGrain<ITicketGrain>("P1").CreateAsync(NewTicket());
        await right.GetGrain<ITicketGrain>("C1").CreateAsync(NewTicket());
        await left.GetGrain<ITicketGrain>("D1").CreateAsync(NewTicket());
        await right.GetGrain<ITicketGrain>("R1").CreateAsync(NewTicket(phone: "13900001111"));

        var child = await right.GetGrain<ITicketGrain>("C1").MergeIntoAsync(new MergeTicket(Agent, "P1", "重复来电"));
        var designated = await cluster.Client.GetGrain<ITicketGrain>("D1").DesignateAsync(new DesignateDepartment(Supervisor, "D02", ["D03"], "指定办理"));
        var answered = await left.GetGrain<ITicketGrain>("R1").ResolveDirectlyAsync(new ResolveDirectly(Agent, "已当场答复"));
        var parent = await cluster.Client.GetGrain<ITicketGrain>("P1").GetAsync(Agent);

        Assert.Equal(TicketState.Merged, child.State);
        Assert.Equal("P1", child.ParentTicketId);
        Assert.Equal(["C1"], parent.MergedChildIds);
        Assert.True(designated.Designated);
        Assert.Equal(["D03"], designated.AssistingDepartmentIds);
        Assert.Equal("已当场答复", answered.Answer);
    }

    [Fact]
    public async Task DepartmentAndAgentGrains_CalledThroughClient_Answer()
    {
        await using var cluster = await TwoSiloTicketCluster.StartAsync();
        var agent = cluster.Client.GetGrain<IAgentGrain>("1001");

        var department = await cluster.Client.GetGrain<IDepartmentGrain>("D02").GetAsync();
        var unknown = await Assert.ThrowsAsync<TicketRefusedException>(() => cluster.Client.GetGrain<IDepartmentGrain>("D99").GetAsync());
        await agent.RecordAsync(new AgentStateChange(T0, AgentState.Offline, AgentState.Ready, "registered"));
        await cluster.SiloGrains(1).GetGrain<IAgentGrain>("1001").RecordAsync(new AgentStateChange(T0.AddSeconds(5), AgentState.Ready, AgentState.Ringing, "offered", "call-1"));
        var history = await agent.GetHistoryAsync(10);

        Assert.Equal(Departments[1], department);
        Assert.Equal(TicketRefusal.NotFound, unknown.Kind);
        Assert.Equal(AgentState.Ringing, await cluster.SiloGrains(0).GetGrain<IAgentGrain>("1001").GetStateAsync());
        Assert.Equal([1L, 2L], history.Select(h => h.Seq));
        Assert.Equal(new AgentStateChange(T0.AddSeconds(5), AgentState.Ready, AgentState.Ringing, "offered", "call-1"), history[1].Change);
    }
}
