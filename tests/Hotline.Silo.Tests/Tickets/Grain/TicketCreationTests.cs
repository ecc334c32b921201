using Hotline.Contracts.Tickets;
using Hotline.Silo.Tickets;

namespace Hotline.Silo.Tests.Tickets.Grain;

public sealed class TicketCreationTests
{
    private const string Taken = "20261123-100000-000001";
    private const string Fresh = "20261123-100000-000002";

    [Fact]
    public async Task CreateAsync_IdTakenByAnotherHost_DrawsOneMoreIdAndCreates()
    {
        await using var host = await TicketGrainHost.StartAsync();
        await host.CreateAsync(Taken);
        var ids = new ScriptedIds(Taken, Fresh);

        var view = await new TicketCreation(host.Grains, ids, host.Queries).CreateAsync(TicketGrainHost.NewTicket(), CancellationToken.None);

        Assert.Equal(Fresh, view.Id);
        Assert.Equal(2, ids.Drawn);
        Assert.Equal(TicketState.Created, (await host.Ticket(Taken).GetAsync(TicketGrainHost.Agent)).State);
    }

    [Fact]
    public async Task CreateAsync_EveryIdTaken_AbortedAfterThreeDraws()
    {
        await using var host = await TicketGrainHost.StartAsync();
        await host.CreateAsync(Taken);
        var ids = new ScriptedIds(Taken, Taken, Taken, Fresh);

        var refused = await Assert.ThrowsAsync<TicketRefusedException>(
            () => new TicketCreation(host.Grains, ids, host.Queries).CreateAsync(TicketGrainHost.NewTicket(), CancellationToken.None));

        Assert.Equal(TicketRefusal.Aborted, refused.Kind);
        Assert.Equal(3, ids.Drawn);
    }

    [Fact]
    public async Task CreateAsync_RepeatedRequestId_AnswersFirstTicketWithoutDrawing()
    {
        await using var host = await TicketGrainHost.StartAsync();
        var ids = new ScriptedIds(Fresh, Taken);
        var creation = new TicketCreation(host.Grains, ids, host.Queries);
        var command = TicketGrainHost.NewTicket() with { RequestId = "desk-1" };

        var first = await creation.CreateAsync(command, CancellationToken.None);
        var again = await creation.CreateAsync(command, CancellationToken.None);

        Assert.Equal((Fresh, Fresh), (first.Id, again.Id));
        Assert.Equal(1, ids.Drawn);
    }

    /// <summary>Hands out the given ids in order, counting the draws.</summary>
    private sealed class ScriptedIds(params string[] script) : ITicketIds
    {
        public int Drawn { get; private set; }

        public string NewId() => script[Drawn++];
    }
}
