using Hotline.Telephony.Acd;
using Hotline.Telephony.Acd.CallRecords;
using static Hotline.Silo.Tests.Storage.TestCallRecords;

namespace Hotline.Silo.Tests.Storage;

public abstract partial class StorageContractTests
{
    private static readonly DateTimeOffset Requested = T0.AddTicks(-1_234_567); // whole seconds: PostgreSQL keeps microseconds

    [Fact]
    public async Task CallbackAttempts_ClaimedOnce_LoggedAndShownOnTheCallRecord()
    {
        await Store.CallRecords.SaveAsync(Full("c1", Requested), default);
        await Store.Callbacks.SaveAsync(new CallbackRequest("c1", "13900000001", "general", CallbackKind.Abandoned, Requested, TimeSpan.FromSeconds(40)), default);

        var due = Assert.Single(await Store.Callbacks.ReadDueAsync(Requested, Requested, 10, default));
        var first = await Store.Callbacks.BeginAttemptAsync("c1", 1, Requested, Requested.AddMinutes(10), default);
        var again = await Store.Callbacks.BeginAttemptAsync("c1", 1, Requested, Requested.AddMinutes(10), default);
        await Store.Callbacks.EndAttemptAsync("c1", 1, Requested.AddSeconds(30), "not reached: 486 Busy Here", null, default);
        var dueMeanwhile = await Store.Callbacks.ReadDueAsync(Requested.AddMinutes(9), Requested, 10, default);
        var pending = (await Store.CallRecords.FindAsync("c1", default))!.Callback!;
        await Store.Callbacks.BeginAttemptAsync("c1", 2, Requested.AddMinutes(10), Requested.AddMinutes(30), default);
        await Store.Callbacks.EndAttemptAsync("c1", 2, Requested.AddMinutes(11), "reached: call c9", "reached: call c9", default);
        var listed = Assert.Single((await Store.CallRecords.ListAsync(Requested, Requested.AddDays(1), 10, null, default)).Records).Callback!;

        Assert.Equal((0, true, false), (due.Attempts, first, again));
        Assert.Empty(dueMeanwhile);
        Assert.Equal(Requested.AddMinutes(10), pending.NextAttemptAt);
        Assert.Null(pending.Outcome);
        Assert.Equal(CallbackKind.Abandoned, listed.Kind);
        Assert.Equal(Requested, listed.RequestedAt);
        Assert.Equal(
            [new CallbackAttempt(1, Requested.AddSeconds(30), "not reached: 486 Busy Here"), new CallbackAttempt(2, Requested.AddMinutes(11), "reached: call c9")],
            listed.Attempts.Select(a => a with { At = a.At.ToUniversalTime() }).ToList());
        Assert.Equal(("reached: call c9", Requested.AddMinutes(11), (DateTimeOffset?)null), (listed.Outcome, listed.CompletedAt, listed.NextAttemptAt));
        Assert.Empty(await Store.Callbacks.ListPendingAsync(10, default));
    }

    [Fact]
    public async Task CallbackAttempts_FlaggedAndQueuedInGrace_NotDue()
    {
        await Store.Callbacks.SaveAsync(new CallbackRequest("flagged", "0044201234567", "general", CallbackKind.Abandoned, Requested, TimeSpan.Zero, "international number (00)"), default);
        await Store.Callbacks.SaveAsync(new CallbackRequest("queued", "13900000002", "general", CallbackKind.Queued, Requested, TimeSpan.Zero), default);

        var inGrace = await Store.Callbacks.ReadDueAsync(Requested.AddMinutes(5), Requested.AddMinutes(-10), 10, default);
        var after = await Store.Callbacks.ReadDueAsync(Requested.AddMinutes(20), Requested.AddMinutes(5), 10, default);

        Assert.Empty(inGrace);
        Assert.Equal(["queued"], after.Select(p => p.Request.CallId));
    }

    [Fact]
    public async Task CallbackAttempts_CitizenCalledIn_CancelsOnlyEarlierRequestsOfTheNumber()
    {
        await Store.Callbacks.SaveAsync(new CallbackRequest("old", "13900000001", "general", CallbackKind.Abandoned, Requested, TimeSpan.Zero), default);
        await Store.Callbacks.SaveAsync(new CallbackRequest("other", "13900000002", "general", CallbackKind.Abandoned, Requested, TimeSpan.Zero), default);
        await Store.Callbacks.SaveAsync(new CallbackRequest("new", "13900000001", "general", CallbackKind.Abandoned, Requested.AddMinutes(2), TimeSpan.Zero), default);

        var cancelled = await Store.Callbacks.CancelForNumberAsync("13900000001", Requested.AddMinutes(1), "cancelled: the citizen called in (call x)", default);

        Assert.Equal(1, cancelled);
        Assert.Equal(["other", "new"], (await Store.Callbacks.ListPendingAsync(10, default)).Select(p => p.CallId));
    }
}
