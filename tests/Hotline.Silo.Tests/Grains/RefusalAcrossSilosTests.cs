using Hotline.Contracts.Grains;
using Hotline.Contracts.Tickets;
using Hotline.Contracts.Tickets.Commands;
using static Hotline.Silo.Tests.Tickets.Grain.TicketGrainHost;

namespace Hotline.Silo.Tests.Grains;

/// <summary>
/// A refusal thrown on one silo reaches a caller elsewhere as the same exception type with its kind, field,
/// state and message intact: the desks map exactly those to gRPC statuses.
/// </summary>
public sealed class RefusalAcrossSilosTests
{
    public static TheoryData<int> Callers => new() { 0, 1, 2 };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Refusals_FromAnotherSiloOrClient_KeepKindFieldAndState(int caller)
    {
        await using var cluster = await TwoSiloTicketCluster.StartAsync();
        IGrainFactory[] factories = [cluster.Client, cluster.SiloGrains(0), cluster.SiloGrains(1)];
        var grains = factories[caller];
        await cluster.SiloGrains(0).GetGrain<ITicketGrain>("T1").CreateAsync(NewTicket());
        var ticket = grains.GetGrain<ITicketGrain>("T1");

        var wrongState = await Assert.ThrowsAsync<TicketRefusedException>(() => ticket.ReviewReplyAsync(new ReviewReply(Agent, true, null)));
        var invalid = await Assert.ThrowsAsync<TicketRefusedException>(() => ticket.ResolveDirectlyAsync(new ResolveDirectly(Agent, " ")));
        var denied = await Assert.ThrowsAsync<TicketRefusedException>(() => ticket.DesignateAsync(new DesignateDepartment(Agent, "D01", [], null)));
        var aborted = await Assert.ThrowsAsync<TicketRefusedException>(() => ticket.CreateAsync(NewTicket()));
        var missing = await Assert.ThrowsAsync<TicketRefusedException>(() => grains.GetGrain<ITicketGrain>("NOPE").GetAsync(Agent));

        Assert.Equal(TicketRefusal.FailedPrecondition, wrongState.Kind);
        Assert.Equal(TicketState.Created, wrongState.State);
        Assert.StartsWith("cannot ", wrongState.Message, StringComparison.Ordinal);
        Assert.EndsWith("ticket is CREATED", wrongState.Message, StringComparison.Ordinal);
        Assert.Equal(TicketRefusal.InvalidArgument, invalid.Kind);
        Assert.Equal("reply", invalid.Field);
        Assert.Equal(TicketRefusal.PermissionDenied, denied.Kind);
        Assert.Equal("only a supervisor may designate a department", denied.Message);
        Assert.Equal(TicketRefusal.Aborted, aborted.Kind);
        Assert.Contains("already in use", aborted.Message, StringComparison.Ordinal);
        Assert.Equal(TicketRefusal.NotFound, missing.Kind);
        Assert.Equal("ticket 'NOPE' not found", missing.Message);
    }
}
