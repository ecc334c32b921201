using Hotline.Silo.Storage;

namespace Hotline.Silo.Tests.Storage;

public abstract partial class StorageContractTests
{
    [Fact]
    public async Task CommitAsync_RequestKeyAlreadyAnswered_NotAppliedAndFirstTicketFound()
    {
        var key = new TicketRequestKey("Staff:a1", "req-1");

        var first = await Tickets.CommitAsync(TestCommits.Create("T1") with { Request = key }, default);
        var repeat = await Tickets.CommitAsync(TestCommits.Create("T2") with { Request = key }, default);
        var otherCaller = await Tickets.CommitAsync(TestCommits.Create("T3") with { Request = key with { Caller = "Staff:a2" } }, default);

        Assert.True(first);
        Assert.False(repeat);
        Assert.True(otherCaller);
        Assert.Null(await Tickets.LoadAsync("T2", default));
        Assert.Equal("T1", await Tickets.FindRequestAsync(key, default));
        Assert.Null(await Tickets.FindRequestAsync(key with { RequestId = "req-2" }, default));
    }

    [Fact]
    public async Task CommitAsync_SameRequestKeyConcurrently_OneApplied()
    {
        var key = new TicketRequestKey("Staff:a1", "req-race");

        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Tickets.CommitAsync(TestCommits.Create($"R{i:D2}") with { Request = key }, default)));

        Assert.Single(results, applied => applied);
        Assert.Equal($"R{Array.IndexOf(results, true):D2}", await Tickets.FindRequestAsync(key, default));
    }
}
