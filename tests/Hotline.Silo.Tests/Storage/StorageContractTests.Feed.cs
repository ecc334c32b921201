using Hotline.Silo.Storage;

namespace Hotline.Silo.Tests.Storage;

public abstract partial class StorageContractTests
{
    private static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ReadFeedAsync_EntriesOfOneDepartment_InCommitOrderAndResumable()
    {
        await Tickets.CommitAsync(TestCommits.Create("T1", departments: ["D01"], feed: [TestCommits.Dispatched("D01", "T1")]), default);
        await Tickets.CommitAsync(TestCommits.Create("T2", departments: ["D02"], feed: [TestCommits.Dispatched("D02", "T2")]), default);
        await Tickets.CommitAsync(TestCommits.Create("T3", departments: ["D01", "D02"], feed: [TestCommits.Dispatched("D01", "T3"), TestCommits.Dispatched("D02", "T3")]), default);

        var d1 = await Tickets.ReadFeedAsync("D01", 0, 10, default);
        var d2 = await Tickets.ReadFeedAsync("D02", 0, 10, default);

        Assert.Equal(["T1", "T3"], d1.Select(e => e.TicketId));
        Assert.Equal(["T2", "T3"], d2.Select(e => e.TicketId));
        Assert.All(d1, e => Assert.Equal("D01", e.DepartmentId));
        Assert.True(d1[0].Sequence < d1[1].Sequence);
        Assert.Equal("dispatched", d1[0].Kind);
        Assert.Contains("\"department_id\":\"D01\"", d1[0].PayloadJson, StringComparison.Ordinal);
        Assert.Equal(TestCommits.T0, d1[0].At);

        var resumed = await Tickets.ReadFeedAsync("D01", d1[0].Sequence, 10, default);
        Assert.Equal(["T3"], resumed.Select(e => e.TicketId));
        Assert.Empty(await Tickets.ReadFeedAsync("D01", d1[1].Sequence, 10, default));
        Assert.Single(await Tickets.ReadFeedAsync("D01", 0, 1, default));
    }

    [Fact]
    public async Task WaitForFeedAsync_EntryAlreadyThere_CompletesAtOnce()
    {
        await Tickets.CommitAsync(TestCommits.Create("T1", feed: [TestCommits.Dispatched("D01", "T1")]), default);

        await Tickets.WaitForFeedAsync("D01", 0, default).WaitAsync(HangGuard);
    }

    [Fact]
    public async Task WaitForFeedAsync_CommitForTheDepartment_WakesTheWaiter()
    {
        using var cancel = new CancellationTokenSource();
        var last = 0L;
        var watcher = Task.Run(async () =>
        {
            // A watcher loop as the DepartmentDesk stream runs it: wait, read, repeat until it has the ticket.
            while (true)
            {
                await Tickets.WaitForFeedAsync("D07", last, cancel.Token);
                var entries = await Tickets.ReadFeedAsync("D07", last, 10, cancel.Token);
                if (entries.Count > 0)
                {
                    return entries;
                }
            }
        });

        await Tickets.CommitAsync(TestCommits.Create("T9", feed: [TestCommits.Dispatched("D07", "T9")]), default);

        var seen = await watcher.WaitAsync(HangGuard);
        Assert.Equal("T9", Assert.Single(seen).TicketId);
    }

    [Fact]
    public async Task WaitForFeedAsync_Cancelled_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        var wait = Tickets.WaitForFeedAsync("D01", 0, cancel.Token);
        cancel.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait.WaitAsync(HangGuard));
    }

    [Fact]
    public async Task WaitForFeedAsync_CommitOnAnotherHost_IsSeenByPolling()
    {
        var other = await StartHostAsync();
        var watcher = Task.Run(async () =>
        {
            while (true)
            {
                await Tickets.WaitForFeedAsync("D05", 0, default);
                var entries = await Tickets.ReadFeedAsync("D05", 0, 10, default);
                if (entries.Count > 0)
                {
                    return entries;
                }
            }
        });

        await other.Tickets.CommitAsync(TestCommits.Create("T5", feed: [TestCommits.Dispatched("D05", "T5")]), default);

        Assert.Equal("T5", Assert.Single(await watcher.WaitAsync(HangGuard)).TicketId);
    }

    [Fact]
    public async Task ReadFeedAsync_ConcurrentWritersOnTwoHosts_SequencesNeverSkipABackfill()
    {
        // A reader that advances its cursor must end up with every entry: no row may appear later
        // below a cursor the reader already passed.
        var other = await StartHostAsync();
        var writers = new[] { Store, other }.Select((host, h) => Task.Run(async () =>
        {
            for (var i = 0; i < 60; i++)
            {
                await host.Tickets.CommitAsync(TestCommits.Create($"H{h}-{i}", feed: [TestCommits.Dispatched("D01", $"H{h}-{i}")]), default);
            }
        })).ToArray();

        var seen = new List<string>();
        var cursor = 0L;
        while (seen.Count < 120)
        {
            var entries = await Tickets.ReadFeedAsync("D01", cursor, 7, default).WaitAsync(HangGuard);
            seen.AddRange(entries.Select(e => e.TicketId));
            if (entries.Count > 0)
            {
                cursor = entries[^1].Sequence;
            }
            else if (writers.All(w => w.IsCompleted))
            {
                break;
            }
            else
            {
                await Task.Delay(5);
            }
        }

        await Task.WhenAll(writers);
        Assert.Equal(120, seen.Distinct().Count());
    }
}
